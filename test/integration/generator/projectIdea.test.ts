// "Start from an idea" in a real VS Code, against the local OpenAI-compatible server
// (test/servers/openai) on 127.0.0.1: declining the cost sends nothing and writes nothing;
// confirming it sends the idea once and the answer's two Python blocks become the first module
// and its tests of the new project.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { OpenAiTestServer } from '../../servers/openai/openAiTestServer';
import { openPypi } from '../support/manifest';

const key = 'sk-proj-GeneratorIdeaKeyCCCC0123456789abcd';
const idea = 'Convert temperatures between Celsius and Fahrenheit.';
const answer = [
  'Here is the module:',
  '```python',
  'def to_fahrenheit(celsius: float) -> float:',
  '    return celsius * 9 / 5 + 32',
  '```',
  'And its tests:',
  '```python',
  'from idea_temps.feature import to_fahrenheit',
  '',
  '',
  'def test_boiling() -> None:',
  '    assert to_fahrenheit(100) == 212',
  '```',
].join('\n');

interface Created {
  folder: string;
  files: string[];
}

describe('Create Python Project from an idea (local OpenAI-compatible server)', function () {
  this.timeout(120_000);
  const server = new OpenAiTestServer({ validKeys: [key], respond: () => answer });
  const settings = () => vscode.workspace.getConfiguration('openpypi.ai');
  let parent: string;

  before(async () => {
    await server.start();
    await settings().update('baseUrl', server.baseUrl, vscode.ConfigurationTarget.Global);
    await settings().update('model', 'gpt-4o-mini', vscode.ConfigurationTarget.Global);
    await openPypi().activate();
    const status = await vscode.commands.executeCommand<{ kind: string } | undefined>(
      'openpypi.providers.signIn',
      'ai',
      { apiKey: key },
    );
    assert.equal(status?.kind, 'connected');
    parent = mkdtempSync(path.join(tmpdir(), 'openpypi-idea-project-'));
  });
  after(async () => {
    await server.stop();
    rmSync(parent, { recursive: true, force: true });
  });

  const answers = () => ({
    template: 'library',
    name: 'idea-temps',
    description: 'Temperatures',
    author: 'Ada Lovelace',
    email: 'ada@example.com',
    license: 'MIT',
    python: '3.11-3.12',
    backend: 'hatchling',
    options: ['ci'],
    idea,
    parent,
    open: 'none',
  });

  it('declining the cost sends nothing and writes nothing', async () => {
    const chats = server.chatRequests().length;
    const result = await vscode.commands.executeCommand('openpypi.generator.createProject', {
      ...answers(),
      confirmCost: false,
    });
    assert.equal(result, undefined);
    assert.equal(server.chatRequests().length, chats, 'no chat request');
    assert.deepEqual(readdirSync(parent), []);
  });

  it('confirmed: the idea is sent once and the answer becomes the first module and its tests', async () => {
    const chats = server.chatRequests().length;
    const created = await vscode.commands.executeCommand<Created | undefined>(
      'openpypi.generator.createProject',
      { ...answers(), confirmCost: true },
    );
    assert.ok(created, 'the command resolved with the project');
    const sent = server.chatRequests().slice(chats);
    assert.equal(sent.length, 1);
    assert.ok(
      sent[0]?.messages.some((message) => message.content.includes(idea)),
      'the prompt holds the idea',
    );
    const module = readFileSync(path.join(created.folder, 'src/idea_temps/feature.py'), 'utf8');
    assert.match(module, /^# Written by an AI model/);
    assert.match(module, /def to_fahrenheit/);
    const tests = readFileSync(path.join(created.folder, 'tests/test_feature.py'), 'utf8');
    assert.match(tests, /assert to_fahrenheit\(100\) == 212/);
  });
});
