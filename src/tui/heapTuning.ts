// V8 tuning for the interactive app. Ink builds each frame from thousands of small objects that
// live for one frame. V8's allocation-site pretenuring saw them survive the odd young-generation
// collection in the middle of a frame and began allocating them straight into the old
// generation, where they piled up as a few hundred MB of garbage between full collections while
// a large dataset was open (peak RSS on the 170 MB bench file: 773 -> about 680 MB without it).
import { setFlagsFromString } from 'node:v8';

export function tuneHeapForFrames(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
