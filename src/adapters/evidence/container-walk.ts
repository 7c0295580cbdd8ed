/**
 * Whether an MP4 (ISO BMFF) file holds whole top-level boxes up to its end and a `moov` box:
 * a file cut short ends inside a box, or before the index that players need.
 */
export function mp4IsWhole(bytes: Uint8Array): boolean {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let sawMovie = false;
  while (offset < bytes.length) {
    if (offset + 8 > bytes.length) return false;
    let size = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    if (type === 'moov') sawMovie = true;
    if (size === 1) {
      if (offset + 16 > bytes.length) return false;
      const large = view.getBigUint64(offset + 8);
      if (large > BigInt(Number.MAX_SAFE_INTEGER)) return false;
      size = Number(large);
    } else if (size === 0) {
      // The last box runs to the end of the file.
      return sawMovie;
    }
    if (size < 8) return false;
    offset += size;
  }
  return offset === bytes.length && sawMovie;
}

/** An EBML variable-length number: its length in bytes and value; null when malformed. */
function ebmlNumber(
  bytes: Uint8Array,
  offset: number,
  keepMarker: boolean,
): { length: number; value: number; unknown: boolean } | null {
  const first = bytes[offset];
  if (first === undefined || first === 0) return null;
  const length = Math.clz32(first) - 23;
  if (length > 8 || offset + length > bytes.length) return null;
  let value = keepMarker ? first : first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let index = 1; index < length; index++) {
    const byte = bytes[offset + index] ?? 0;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return { length, value, unknown: !keepMarker && allOnes };
}

/**
 * Whether a WebM (EBML) file holds its header and a segment that ends inside the file; a
 * segment of unknown size (a live recording) is accepted as it is.
 */
export function webmIsWhole(bytes: Uint8Array): boolean {
  let offset = 0;
  let sawSegment = false;
  while (offset < bytes.length) {
    const id = ebmlNumber(bytes, offset, true);
    if (id === null) return false;
    const size = ebmlNumber(bytes, offset + id.length, false);
    if (size === null) return false;
    const start = offset + id.length + size.length;
    if (id.value === 0x18538067) sawSegment = true;
    if (size.unknown) return sawSegment;
    if (start + size.value > bytes.length) return false;
    offset = start + size.value;
  }
  return sawSegment;
}

/** Whether a PDF ends with its end-of-file marker (near the end: some writers append a newline). */
export function pdfIsWhole(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  return tail.includes('%%EOF');
}

/** Boxes that carry what a camera or phone says about a recording: place, device, titles, XMP. */
const metadataBoxes = new Set(['udta', 'meta', 'uuid', 'XMP_']);
/** Boxes whose children are walked to find those. */
const containerBoxes = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts', 'dinf']);
/** Full boxes that start with a creation and a modification time. */
const timedBoxes = new Set(['mvhd', 'tkhd', 'mdhd']);

/**
 * An MP4 with its metadata blanked in place: every `udta`, `meta`, `uuid` and `XMP_` box becomes
 * a `free` box of the same size filled with zeros, and the creation and modification times of the
 * movie, its tracks and media become zero. Sizes and offsets do not move, so the sample tables
 * still point at the same bytes and the video plays as before. Null for a file it cannot walk.
 */
export function mp4WithoutMetadata(original: Uint8Array): Uint8Array | null {
  if (!mp4IsWhole(original)) return null;
  const bytes = new Uint8Array(original);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const walk = (start: number, end: number): boolean => {
    let offset = start;
    while (offset + 8 <= end) {
      let size = view.getUint32(offset);
      let header = 8;
      if (size === 1) {
        if (offset + 16 > end) return false;
        size = Number(view.getBigUint64(offset + 8));
        header = 16;
      } else if (size === 0) size = end - offset;
      if (size < header || offset + size > end) return false;
      const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
      if (metadataBoxes.has(type)) {
        bytes.set([0x66, 0x72, 0x65, 0x65], offset + 4);
        bytes.fill(0, offset + header, offset + size);
      } else if (containerBoxes.has(type)) {
        if (!walk(offset + header, offset + size)) return false;
      } else if (timedBoxes.has(type) && size >= header + 4 + 16) {
        // Version 1 holds 64-bit times, version 0 32-bit ones, after version and flags.
        const timesBytes = bytes[offset + header] === 1 ? 16 : 8;
        bytes.fill(0, offset + header + 4, offset + header + 4 + timesBytes);
      }
      offset += size;
    }
    return offset === end;
  };
  return walk(0, bytes.length) ? bytes : null;
}
