import { useEffect, useState } from 'react';
import type { Viewport } from './layout.ts';

/** useElementSize follows an element's box (rounded to 8 px, so tiny changes do not re-layout). */
export function useElementSize(element: HTMLElement | null): Viewport | null {
  const [size, setSize] = useState<Viewport | null>(null);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const width = Math.round(element.clientWidth / 8) * 8;
      const height = Math.round(element.clientHeight / 8) * 8;
      if (width === 0 || height === 0) return;
      setSize((previous) => (previous?.width === width && previous.height === height ? previous : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return size;
}
