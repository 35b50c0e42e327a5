import type { Result } from 'sarif';
import type { ContainerSummary, ImageSummary } from '../../core/docker/dockerModel';

/** The nodes of the Docker section of the Providers view, one variant per kind. */
export type DockerNode =
  | { readonly kind: 'group'; readonly group: 'images' | 'containers' }
  | { readonly kind: 'image'; readonly image: ImageSummary }
  | { readonly kind: 'container'; readonly container: ContainerSummary }
  | {
      readonly kind: 'finding';
      readonly imageId: string;
      readonly result: Result;
      readonly severity: string;
    }
  | { readonly kind: 'message'; readonly text: string; readonly retry?: boolean };

export function isDockerNode(value: unknown): value is DockerNode {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return (
    (kind === 'image' && 'image' in value) ||
    (kind === 'container' && 'container' in value) ||
    (kind === 'group' && 'group' in value) ||
    (kind === 'finding' && 'result' in value) ||
    (kind === 'message' && 'text' in value)
  );
}

/** A Providers-view node (the view wraps section nodes as { kind: 'section-node', element }) or a bare one. */
export function unwrapDockerNode(value: unknown): DockerNode | undefined {
  if (isDockerNode(value)) return value;
  if (typeof value === 'object' && value !== null && 'element' in value) {
    const element = value.element;
    return isDockerNode(element) ? element : undefined;
  }
  return undefined;
}

/** Running containers first, then by name. */
export function sortContainers(containers: readonly ContainerSummary[]): ContainerSummary[] {
  const rank = (c: ContainerSummary): number =>
    c.state === 'running' ? 0 : c.state === 'restarting' || c.state === 'paused' ? 1 : 2;
  return [...containers].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

export function sortImages(images: readonly ImageSummary[]): ImageSummary[] {
  return [...images].sort((a, b) => imageLabel(a).localeCompare(imageLabel(b)));
}

export function imageLabel(image: ImageSummary): string {
  return image.tags[0] ?? `<none> ${image.id.replace(/^sha256:/, '').slice(0, 12)}`;
}

/** The reference commands use for an image node: its first tag, else its id. */
export function imageReferenceOf(image: ImageSummary): string {
  return image.tags[0] ?? image.id;
}

export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value >= 10 || unit === 0 ? value.toFixed(0) : value.toFixed(1)} ${units[unit] ?? 'B'}`;
}

export function formatAge(createdSeconds: number, nowMs: number): string {
  const seconds = Math.max(0, Math.round(nowMs / 1000 - createdSeconds));
  if (seconds < 60) return `${String(seconds)} s ago`;
  if (seconds < 3600) return `${String(Math.round(seconds / 60))} min ago`;
  if (seconds < 86400) return `${String(Math.round(seconds / 3600))} h ago`;
  return `${String(Math.round(seconds / 86400))} days ago`;
}
