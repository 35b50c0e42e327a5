// Types of scripts/changelogSection.mjs, for the unit tests in TypeScript.
export declare function changelogSection(changelog: string, version: string): string;
export declare function versionOfTag(tag: string, packageVersion: string): string;
