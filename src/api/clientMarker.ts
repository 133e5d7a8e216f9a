// A create's client id carried where a service keeps no metadata for it: as the job's random seed
// when the user chose none. A number derived from the id (1 to 2^31-1), which every OpenAI-shaped
// service and Together store and list back with the job, changes nothing a person would notice,
// and cannot be mistaken for another create's by chance.
import { createHash } from 'node:crypto';

export function markerSeed(clientId: string): number {
  return (createHash('sha256').update(clientId).digest().readUInt32BE(0) % 2_147_483_646) + 1;
}
