import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file));
}

const importsVscode =
  /(?:from\s+['"]vscode['"]|require\(\s*['"]vscode['"]\s*\)|import\(\s*['"]vscode['"]\s*\))/;

describe('architecture', () => {
  for (const dir of ['src/core', 'src/cli']) {
    it(`${dir} never imports vscode`, () => {
      const offenders = sourceFiles(dir).filter((file) =>
        importsVscode.test(readFileSync(path.join(root, file), 'utf8')),
      );
      assert.deepEqual(offenders, []);
    });
  }

  it('has no utils dumping ground', () => {
    const offenders = sourceFiles('src').filter((file) =>
      /(^|\/)(utils?|helpers?|misc)(\.ts|\/)/i.test(file),
    );
    assert.deepEqual(offenders, []);
  });
});
