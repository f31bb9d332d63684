import type { TableColumn } from '../types.ts';

/** col declares a Table column as the API server does; priority 1 columns show only with -o wide. */
export function col(name: string, description: string, priority = 0, type = 'string', format = ''): TableColumn {
  return { name, type, format, description, priority };
}

export const NAME = col('Name', 'Name must be unique within a namespace.', 0, 'string', 'name');
export const AGE = col(
  'Age',
  'CreationTimestamp is a timestamp representing the server time when this object was created.',
);
