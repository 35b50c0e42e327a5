// What dist/extension.js holds decides how long every activation takes: these tests build it
// exactly as scripts/build.mjs does (production, in memory) and check that the heavy code stays
// in the lazily loaded runtimes (scripts/lib/lazyRuntimes.mjs).
import * as assert from 'node:assert/strict';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { extensionBuildOptions } from '../../../scripts/lib/extensionBuild.mjs';
import { lazyRuntimeEntries, runtimeBundleName } from '../../../scripts/lib/lazyRuntimes.mjs';

const root = path.resolve(__dirname, '../../..');

/** Packages small enough, and needed early enough, to live in dist/extension.js. */
const packagesAllowedInExtension = new Set(['@vscode/python-extension']);
/** The scan engine, SARIF normalisation and remediation belong to dist/security-runtime.js. */
const engineModules =
  /^src\/core\/(scanners|remediation|manifests)\/|^src\/core\/sarif\/(importSarif|mergeRuns|applyBaseline|normalise\w+)\.ts$/;

/**
 * What activation does not need: command implementations, the provider sections the Providers
 * view builds on first draw, the GitHub client and the AI provider. Each loads from a runtime of
 * its own (dist/*-commands-runtime.js, dist/*-view-runtime.js, ...) the first time it is used.
 */
const lazyModules = [
  'src/core/ai/aiProvider.ts',
  'src/core/ai/promptBuilder.ts',
  'src/core/github/githubClient.ts',
  'src/core/github/sarifUpload.ts',
  'src/core/github/gitRepository.ts',
  'src/core/docker/engineAddress.ts',
  'src/core/docker/secureRun.ts',
  'src/features/ai/explainFinding.ts',
  'src/features/ai/fixWithAi.ts',
  'src/features/ai/generateTests.ts',
  'src/features/ai/reviewFile.ts',
  'src/features/database/connectionSessions.ts',
  'src/features/database/databaseSection.ts',
  'src/features/docker/buildImage.ts',
  'src/features/docker/containerCommands.ts',
  'src/features/docker/dockerEngineWatch.ts',
  'src/features/docker/dockerSection.ts',
  'src/features/docker/generateDockerfile.ts',
  'src/features/docker/quarantineCommands.ts',
  'src/features/docker/runContainer.ts',
  'src/features/docker/scanImage.ts',
  'src/features/github/codeScanningAlerts.ts',
  'src/features/github/createRelease.ts',
  'src/features/github/createRepository.ts',
  'src/features/github/generatedFiles.ts',
  'src/features/github/githubAccount.ts',
  'src/features/github/githubSection.ts',
  'src/features/github/setSecret.ts',
  'src/features/github/uploadSarif.ts',
  'src/features/providers/providerCommands.ts',
  'src/features/security/findingCommands.ts',
  'src/features/security/findingsViewCommands.ts',
  'src/features/security/scanCommands.ts',
  'src/features/security/toolCommands.ts',
];

function packageOf(input: string): string | undefined {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return match?.[1];
}

describe('bundle boundaries (dist/extension.js and the lazy runtimes)', function () {
  // One esbuild run of every entry; a loaded machine needs a while.
  this.timeout(120_000);
  let outputs: Record<string, esbuild.Metafile['outputs'][string]>;
  let extensionText: string;

  before(async () => {
    const result = await esbuild.build({
      ...extensionBuildOptions(root),
      minify: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    outputs = Object.fromEntries(
      Object.entries(result.metafile.outputs).map(([file, output]) => [
        path.basename(file),
        output,
      ]),
    );
    const extension = result.outputFiles.find((f) => path.basename(f.path) === 'extension.js');
    assert.ok(extension, 'no dist/extension.js was built');
    extensionText = extension.text;
  });

  it('dist/extension.js bundles no SDK or parser package, only the allowed few', () => {
    const packages = new Set(
      Object.keys(outputs['extension.js']?.inputs ?? {}).flatMap((input) => {
        const name = packageOf(input);
        return name === undefined || packagesAllowedInExtension.has(name) ? [] : [name];
      }),
    );
    assert.deepEqual(
      [...packages],
      [],
      'load these through a lazily loaded runtime (scripts/lib/lazyRuntimes.mjs)',
    );
  });

  it('the scan engine, SARIF normalisation and remediation are in dist/security-runtime.js only', () => {
    const inExtension = Object.keys(outputs['extension.js']?.inputs ?? {}).filter((input) =>
      engineModules.test(input),
    );
    assert.deepEqual(inExtension, []);
    const inRuntime = Object.keys(outputs['security-runtime.js']?.inputs ?? {});
    assert.ok(inRuntime.includes('src/core/scanners/runScan.ts'));
    assert.ok(inRuntime.some((input) => packageOf(input) === 'yaml'));
  });

  it('every runtime is its own file, required lazily by name from dist/extension.js', () => {
    const entries = lazyRuntimeEntries(root);
    assert.ok('ai-runtime' in entries && 'security-runtime' in entries);
    for (const name of Object.keys(entries)) {
      assert.ok(outputs[`${name}.js`], `dist/${name}.js was not built`);
    }
    assert.ok(extensionText.includes('require("./security-runtime.js")'));
    assert.ok(extensionText.includes('require("./ai-provider-runtime.js")'));
    for (const feature of ['ai', 'docker', 'github', 'provider', 'security']) {
      assert.ok(extensionText.includes(`require("./${feature}-commands-runtime.js")`), feature);
    }
    for (const feature of ['database', 'docker', 'github']) {
      assert.ok(extensionText.includes(`require("./${feature}-view-runtime.js")`), feature);
    }
    assert.equal(runtimeBundleName('dockerEngineRuntime'), 'docker-engine-runtime');
  });

  it('dist/extension.js copies the vscode API object once, not once per module', () => {
    assert.equal(extensionText.match(/require\("vscode"\)/g)?.length, 1);
  });

  it('dist/extension.js stays under its 300 KB budget (issue 2)', () => {
    const kb = Buffer.byteLength(extensionText) / 1024;
    assert.ok(kb < 300, `dist/extension.js is ${kb.toFixed(1)} KB`);
  });

  it('dist/extension.js stays under 80 KB: activation evaluates all of it (60 KB in 0.1.0)', () => {
    const kb = Buffer.byteLength(extensionText) / 1024;
    assert.ok(
      kb < 80,
      `dist/extension.js is ${kb.toFixed(1)} KB: move what activation does not need behind a lazily loaded runtime (scripts/lib/lazyRuntimes.mjs)`,
    );
  });

  it('command implementations and provider sections are not in dist/extension.js', () => {
    const inputs = Object.keys(outputs['extension.js']?.inputs ?? {});
    for (const module of lazyModules) {
      assert.ok(
        Object.values(outputs).some((output) => module in output.inputs),
        `${module} is in no bundle: update this list`,
      );
    }
    assert.deepEqual(
      lazyModules.filter((module) => inputs.includes(module)),
      [],
      'these load from a lazily loaded runtime on first use (scripts/lib/lazyRuntimes.mjs)',
    );
  });

  it('a static import of a runtime fails the build and names the importer', async () => {
    await assert.rejects(
      esbuild.build({
        ...extensionBuildOptions(root),
        entryPoints: undefined,
        stdin: {
          contents:
            "import { runScan } from './core/security/securityRuntime';\nexport const x = runScan;\n",
          resolveDir: path.join(root, 'src'),
          sourcefile: 'eager.ts',
          loader: 'ts',
        },
        write: false,
        logLevel: 'silent',
      }),
      /lazily loaded runtime: src\/eager\.ts may only "import type" it/,
    );
  });
});
