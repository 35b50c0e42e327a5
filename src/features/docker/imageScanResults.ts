import type { Run } from 'sarif';
import type { SeverityCounts } from '../../core/docker/imageScanSummary';

export interface ImageScanRecord {
  readonly imageId: string;
  readonly reference: string;
  readonly counts: SeverityCounts;
  readonly run: Run;
}

/** The last Trivy scan of each image (by image id), for the tree's counts and finding rows. */
export class ImageScanResults {
  private readonly byImage = new Map<string, ImageScanRecord>();

  set(record: ImageScanRecord): void {
    this.byImage.set(record.imageId, record);
  }

  get(imageId: string): ImageScanRecord | undefined {
    return this.byImage.get(imageId);
  }
}
