import { useAreaName } from './areas';

/** An area by its name (東), not its code (higashi). */
export function AreaName({ code, empty = '—' }: { code: string | null | undefined; empty?: string }) {
  const name = useAreaName();
  if (!code) return <>{empty}</>;
  return <>{name(code)}</>;
}
