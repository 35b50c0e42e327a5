import { UserError } from '../errors/userError';
import type { DockerClient } from './dockerClient';
import { formatReference, parseImageReference, quarantineTag } from './imageReference';
import {
  QUARANTINE_LABEL,
  QUARANTINE_ORIGINAL_ID_LABEL,
  QUARANTINE_ORIGINAL_TAG_LABEL,
  quarantineReason,
} from './quarantineLabels';

/**
 * Quarantines an image: a `quarantine/…` tag on a copy of it (same layers and config) with the
 * label openpypi.quarantine=<reason> (labels of an existing image cannot change), then every
 * original tag removed, so it cannot be run by its old name. Nothing from the image runs: the
 * copy is a commit of a never-started container, not a build (which would run ONBUILD
 * triggers). Resolves with the id of the quarantine image. On failure the original tags are put
 * back and no quarantine tag stays.
 */
export async function quarantine(
  client: DockerClient,
  reference: string,
  reason: string,
): Promise<string> {
  const image = await client.inspectImage(reference);
  const existing = quarantineReason(image.labels);
  if (existing !== undefined) {
    throw new UserError(`${reference} is already quarantined (${existing}).`);
  }
  if (image.tags.length === 0) {
    throw new UserError(
      `${reference} has no tag to take away: an untagged image cannot be quarantined. Remove it or tag it first.`,
    );
  }
  const primary = parseImageReference(image.tags[0] ?? '');
  if (primary === undefined)
    throw new UserError(`${image.tags[0] ?? reference} is not an image name.`);
  const target = quarantineTag(primary);
  const targetRef = `${target.repository}:${target.tag}`;
  let made = false;
  try {
    // Never a build FROM the image: that would run its ONBUILD triggers.
    const id = await client.relabelImage({
      image: image.id,
      repository: target.repository,
      tag: target.tag,
      labels: {
        [QUARANTINE_LABEL]: reason.replace(/[\r\n]+/g, ' ').slice(0, 500),
        [QUARANTINE_ORIGINAL_TAG_LABEL]: image.tags.join(','),
        [QUARANTINE_ORIGINAL_ID_LABEL]: image.id,
      },
    });
    made = true;
    // Forced: a container still running from the image keeps running, but the tag goes.
    for (const tag of image.tags) await client.removeImage(tag, { force: true });
    return id;
  } catch (error) {
    // Put everything back: the original tags on the original image, no quarantine tag.
    for (const tag of image.tags) {
      const parsed = parseImageReference(tag);
      if (parsed?.tag !== undefined) {
        await client
          .tagImage(
            image.id,
            formatReference({ ...parsed, tag: undefined, digest: undefined }),
            parsed.tag,
          )
          .catch(() => undefined);
      }
    }
    if (made) await client.removeImage(targetRef, { prune: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * Restores a quarantined image's original tags on the original image and removes the quarantine
 * image. Resolves with the original image id and its restored tags.
 */
export async function release(
  client: DockerClient,
  reference: string,
): Promise<{ id: string; tags: string[] }> {
  const image = await client.inspectImage(reference);
  if (quarantineReason(image.labels) === undefined) {
    throw new UserError(`${reference} is not quarantined.`);
  }
  const originalId = image.labels[QUARANTINE_ORIGINAL_ID_LABEL] ?? '';
  const originalTags = (image.labels[QUARANTINE_ORIGINAL_TAG_LABEL] ?? '')
    .split(',')
    .filter(Boolean);
  if (originalId === '' || originalTags.length === 0) {
    throw new UserError(`${reference} has no record of its original image: tag it by hand.`);
  }
  for (const tag of originalTags) {
    const parsed = parseImageReference(tag);
    if (parsed === undefined) continue;
    await client.tagImage(
      originalId,
      formatReference({ ...parsed, tag: undefined, digest: undefined }),
      parsed.tag ?? 'latest',
    );
  }
  for (const tag of image.tags) await client.removeImage(tag, { prune: true });
  return { id: originalId, tags: originalTags };
}
