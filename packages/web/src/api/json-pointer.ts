/** RFC 6901: '/members/0/dateOfBirth' → ['members', '0', 'dateOfBirth']. */
export function decodePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return [];
  const body = pointer.startsWith('/') ? pointer.slice(1) : pointer;
  return body.split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}
