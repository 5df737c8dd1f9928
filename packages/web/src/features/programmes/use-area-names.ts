import { useQuery } from '@tanstack/react-query';
import { getAdminAreas } from '../../api/population';

/**
 * Names of an operation's admin areas from its boundaries (the map's own query, cached), so
 * tables read "Beirut" rather than a code; a code with no shape is shown as it is.
 */
export function useAreaNames(operationId: string | null | undefined): (code: string | null) => string | null {
  const shapes = useQuery({ queryKey: ['population', 'areas', operationId], queryFn: () => getAdminAreas(operationId!), enabled: Boolean(operationId), staleTime: 10 * 60_000 });
  const names = new Map((shapes.data?.areas ?? []).map((area) => [area.code, area.name]));
  return (code) => (code === null ? null : (names.get(code) ?? code));
}
