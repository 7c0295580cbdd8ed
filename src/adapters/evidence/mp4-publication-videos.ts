import type { PublicationVideos } from '../../app/ports/evidence-files.ts';
import { mp4WithoutMetadata } from './container-walk.ts';

/**
 * MP4 only: its metadata lives in boxes that can be blanked in place. WebM would need a muxer to
 * rewrite, which is not a dependency, so none is made for it.
 */
export function mp4PublicationVideos(): PublicationVideos {
  return {
    strip: (original, mediaType) =>
      mediaType === 'video/mp4' ? mp4WithoutMetadata(original) : null,
  };
}
