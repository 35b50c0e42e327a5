import * as assert from 'node:assert/strict';
import { resolveArtifactUri } from '../../../../src/core/sarif/resolveArtifactUri';
import { resolveResultLocation } from '../../../../src/core/sarif/resolveResultLocation';

const root = '/work/project';

describe('resolveArtifactUri', () => {
  it('resolves a base id chain through originalUriBaseIds', () => {
    const bases = {
      SRC: { uri: 'src/', uriBaseId: 'REPO' },
      REPO: { uri: 'file:///work/project/' },
    };
    assert.deepEqual(resolveArtifactUri('pkg/a%20b.py', 'SRC', bases, root), {
      kind: 'workspace',
      relativePath: 'src/pkg/a b.py',
    });
  });

  it('takes %SRCROOT%, SRCROOT and ROOTPATH of another machine as the workspace root', () => {
    for (const id of ['%SRCROOT%', 'SRCROOT', 'ROOTPATH']) {
      const bases = { [id]: { uri: 'file:///home/runner/work/x/' } };
      assert.deepEqual(resolveArtifactUri('app/web.py', id, bases, root), {
        kind: 'workspace',
        relativePath: 'app/web.py',
      });
    }
  });

  it('treats a base id that is not defined as the workspace root', () => {
    assert.deepEqual(resolveArtifactUri('a.py', 'NOWHERE', undefined, root), {
      kind: 'workspace',
      relativePath: 'a.py',
    });
  });

  it('resolves absolute file URIs inside the workspace and keeps others external', () => {
    assert.deepEqual(
      resolveArtifactUri('file:///work/project/x/y.py', undefined, undefined, root),
      {
        kind: 'workspace',
        relativePath: 'x/y.py',
      },
    );
    assert.deepEqual(resolveArtifactUri('file:///C:/src/x.c', undefined, undefined, root), {
      kind: 'external',
      uri: 'file:///C:/src/x.c',
      valid: true,
    });
  });

  it('keeps Trivy image paths under ROOTPATH file:/// out of the workspace', () => {
    const bases = { ROOTPATH: { uri: 'file:///' } };
    assert.deepEqual(resolveArtifactUri('usr/lib/python3/x.py', 'ROOTPATH', bases, root), {
      kind: 'external',
      uri: 'file:///usr/lib/python3/x.py',
      valid: true,
    });
  });

  it('never resolves an escape, an absolute path, a UNC path or a remote file into the workspace', () => {
    const cases: [string, string][] = [
      ['../../etc/passwd', 'file:///etc/passwd'],
      ['/etc/shadow', 'file:///etc/shadow'],
      ['file:///etc/shadow', 'file:///etc/shadow'],
      ['\\\\host\\share\\a.py', 'file://host/share/a.py'],
      ['file://host/share/a.py', 'file://host/share/a.py'],
      ['https://example.com/a.py', 'https://example.com/a.py'],
      ['x/../../../etc/hosts', 'file:///etc/hosts'],
    ];
    for (const [uri, expected] of cases) {
      const resolved = resolveArtifactUri(uri, '%SRCROOT%', undefined, root);
      assert.equal(resolved.kind, 'external', uri);
      assert.equal(resolved.uri, expected, uri);
    }
  });

  it('turns text that is no URI into a valid URI reference marked invalid', () => {
    const resolved = resolveArtifactUri('http://bad host/%zz', undefined, undefined, root);
    assert.equal(resolved.kind, 'external');
    assert.equal(resolved.valid, false);
    assert.doesNotThrow(() => new URL(resolved.uri, 'file:///'));
  });

  it('marks a relative path with a lone surrogate invalid instead of throwing', () => {
    for (const uri of ['\uD800', 'src/\uDC00.py', 'a\uD800b/c.py']) {
      const resolved = resolveArtifactUri(uri, undefined, undefined, root);
      assert.equal(resolved.kind, 'external', uri);
      assert.equal(resolved.valid, false);
      assert.doesNotThrow(() => new URL(resolved.uri, 'file:///'));
    }
    assert.equal(
      resolveArtifactUri('src/\uD83D\uDE00.py', undefined, undefined, root).kind,
      'workspace',
    );
  });
});

describe('resolveResultLocation', () => {
  it('gives the workspace path and region of a result, or its external URI', () => {
    const run = {
      tool: { driver: { name: 'T' } },
      artifacts: [{ location: { uri: 'lib/b.py', uriBaseId: '%SRCROOT%' } }],
    };
    const inside = resolveResultLocation(
      run,
      {
        message: { text: 'm' },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { index: 0 },
              region: { startLine: 3, startColumn: 0 },
            },
          },
        ],
      },
      root,
    );
    assert.deepEqual(inside, {
      kind: 'workspace',
      relativePath: 'lib/b.py',
      region: { startLine: 3, startColumn: 1 },
    });
    const outside = resolveResultLocation(
      run,
      {
        message: { text: 'm' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'file:///etc/shadow' } } }],
      },
      root,
    );
    assert.deepEqual(outside, { kind: 'external', uri: 'file:///etc/shadow' });
    assert.equal(resolveResultLocation(run, { message: { text: 'm' } }, root), undefined);
  });
});
