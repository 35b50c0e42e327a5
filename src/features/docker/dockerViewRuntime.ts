import type { ExtensionLog } from '../logging/outputChannelLogger';
import type { ProvidersViewHost } from '../providers/providerSection';
import { DockerEngineWatch } from './dockerEngineWatch';
import { DockerSection } from './dockerSection';
import { dockerTreeSnapshot, type DockerTreeRow } from './dockerTreeSnapshot';
import { ImageScanResults } from './imageScanResults';

/**
 * The engine watch and the Docker section of the Providers view. The build emits this as
 * dist/docker-view-runtime.js, which registerDocker loads the first time the view draws the
 * Docker row or a Docker command runs, so activation carries neither
 * (scripts/lib/lazyRuntimes.mjs). dockerode itself loads later still, on the first engine read.
 */
export function createDockerView(
  view: ProvidersViewHost,
  log: ExtensionLog,
): {
  readonly watch: DockerEngineWatch;
  readonly scans: ImageScanResults;
  readonly section: DockerSection;
  /** The section's rows, for the extension API. */
  tree(expand: readonly string[]): Promise<DockerTreeRow>;
} {
  const watch = new DockerEngineWatch(view, log);
  const scans = new ImageScanResults();
  const section = new DockerSection(watch, scans);
  return { watch, scans, section, tree: (expand) => dockerTreeSnapshot(section, expand) };
}
