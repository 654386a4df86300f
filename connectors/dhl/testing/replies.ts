import type { FaultReply } from '@interlock/testkit/simulator';

/** An RFC 7807 answer, as DHL sends its errors (`application/problem+json`). */
export function problem(status: number, title: string, detail: string, instance: string): FaultReply {
  return { status, headers: { 'content-type': 'application/problem+json' }, body: { title, status, detail, instance } };
}
