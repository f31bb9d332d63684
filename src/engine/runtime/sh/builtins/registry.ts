import { CLIENT_PROGRAMS } from '../../servers/clients.ts';
import { DATABASE_PROGRAMS } from '../../servers/databases.ts';
import { JAVA_PROGRAMS } from '../../servers/java.ts';
import { STRESS_PROGRAMS } from '../../servers/stress.ts';
import { SYSTEM_PROGRAMS } from '../../servers/system.ts';
import { WEB_PROGRAMS } from '../../servers/web.ts';
import type { Program } from '../program.ts';
import { CORE_PROGRAMS } from './core.ts';
import { DISK_PROGRAMS } from './disk.ts';
import { ECHO_PROGRAMS } from './echo.ts';
import { EDIT_PROGRAMS } from './edit.ts';
import { FILE_PROGRAMS } from './files.ts';
import { NET_PROGRAMS } from './net.ts';
import { PROC_PROGRAMS } from './proc.ts';
import { TEXT_PROGRAMS } from './text.ts';

/**
 * PROGRAMS maps a program id (what an executable file in the image says it is) to its
 * implementation. Executables in images point here; the same ids serve shell builtins.
 */
export const PROGRAMS: Record<string, Program> = {
  ...CORE_PROGRAMS,
  ...ECHO_PROGRAMS,
  ...DISK_PROGRAMS,
  ...FILE_PROGRAMS,
  ...TEXT_PROGRAMS,
  ...EDIT_PROGRAMS,
  ...NET_PROGRAMS,
  ...PROC_PROGRAMS,
  ...WEB_PROGRAMS,
  ...DATABASE_PROGRAMS,
  ...CLIENT_PROGRAMS,
  ...JAVA_PROGRAMS,
  ...STRESS_PROGRAMS,
  ...SYSTEM_PROGRAMS,
};

/** REGULAR_BUILTINS are commands every shell runs itself, whatever the image's PATH holds. */
export const REGULAR_BUILTINS = new Set(['echo', 'printf', 'test', '[', '[[', 'true', 'false', 'pwd', 'kill']);
