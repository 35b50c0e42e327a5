/** Labels OpenPypi puts on the image it keeps under quarantine/… */
export const QUARANTINE_LABEL = 'openpypi.quarantine';
/** The original reference (`repo:tag`) the quarantined image had. */
export const QUARANTINE_ORIGINAL_TAG_LABEL = 'openpypi.quarantine.original-tag';
/** The id of the image that was quarantined (the quarantine image is a labelled copy of it). */
export const QUARANTINE_ORIGINAL_ID_LABEL = 'openpypi.quarantine.original-id';
/** Put on containers OpenPypi runs, with the image they came from. */
export const RUN_BY_LABEL = 'openpypi.run';

/** The quarantine reason of an image, or undefined when it is not quarantined. */
export function quarantineReason(labels: Readonly<Record<string, string>>): string | undefined {
  const reason = labels[QUARANTINE_LABEL];
  return reason === undefined || reason === '' ? undefined : reason;
}
