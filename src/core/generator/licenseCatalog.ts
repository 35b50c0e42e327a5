import licenses from 'spdx-license-list/full';
import { UserError } from '../errors/userError';

/** One licence of the SPDX list (spdx-license-list, a maintained copy of spdx.org's list). */
export interface LicenseChoice {
  readonly id: string;
  readonly name: string;
  readonly osiApproved: boolean;
}

/** Offered first, in this order; the rest of the OSI-approved list follows, then the others. */
const popular = ['MIT', 'Apache-2.0', 'BSD-3-Clause', 'GPL-3.0-or-later', 'MPL-2.0', 'ISC'];

export function licenseChoices(): LicenseChoice[] {
  const all = Object.entries(licenses).map(([id, license]) => ({
    id,
    name: license.name,
    osiApproved: license.osiApproved,
  }));
  const rank = (choice: LicenseChoice): number => {
    const at = popular.indexOf(choice.id);
    if (at !== -1) return at;
    return choice.osiApproved ? popular.length : popular.length + 1;
  };
  return all.sort((a, b) => rank(a) - rank(b) || a.id.localeCompare(b.id));
}

export function checkLicense(id: string): void {
  if (!Object.hasOwn(licenses, id)) {
    throw new UserError(
      `"${id}" is not an SPDX licence id (for example MIT, Apache-2.0, BSD-3-Clause); see https://spdx.org/licenses/.`,
    );
  }
}

/** Fills the copyright line's usual placeholders (year, holder) in SPDX licence texts. */
const holderPlaceholders = [
  /<copyright holders?>/gi,
  /\[fullname\]/gi,
  /\[name of copyright owner\]/gi,
  /<owner>/gi,
  /<copyright holder>/gi,
];
const yearPlaceholders = [/<year>/gi, /\[year\]/gi, /\[yyyy\]/gi];

/** The licence text to write to LICENSE, with the year and holder filled where it asks. */
export function licenseText(id: string, year: number, holder: string): string {
  checkLicense(id);
  const license = licenses[id];
  let text = license?.licenseText ?? '';
  for (const pattern of yearPlaceholders) text = text.replace(pattern, String(year));
  if (holder.trim() !== '') {
    for (const pattern of holderPlaceholders) text = text.replace(pattern, holder.trim());
  }
  return text.endsWith('\n') ? text : `${text}\n`;
}
