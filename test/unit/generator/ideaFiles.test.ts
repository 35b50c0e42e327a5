import * as assert from 'node:assert/strict';
import { ideaFiles } from '../../../src/core/generator/ideaFiles';
import { PromptBuilder } from '../../../src/core/ai/promptBuilder';
import { Redactor } from '../../../src/core/redaction/redactor';

describe('Start from an idea', () => {
  it('the prompt names the package, the files and the idea, through the redactor', () => {
    const redactor = new Redactor();
    redactor.addSecret('sk-proj-SecretInTheIdea0123456789');
    const [, user] = new PromptBuilder(redactor).projectFromIdea(
      'a unit converter; my key is sk-proj-SecretInTheIdea0123456789',
      'units',
      'library',
    );
    assert.ok(user);
    assert.match(user.content, /src\/units\/feature\.py/);
    assert.match(user.content, /tests\/test_feature\.py/);
    assert.match(user.content, /a unit converter/);
    assert.doesNotMatch(user.content, /SecretInTheIdea/);
  });

  it('takes the module and the tests from the first two python blocks, marked as AI-written', () => {
    const answer =
      'Here you go:\n```python\ndef km(m: float) -> float:\n    return m / 1000\n```\n' +
      '```python\nfrom units.feature import km\n\ndef test_km() -> None:\n    assert km(1500) == 1.5\n```\n';
    const files = ideaFiles(answer, 'units') ?? [];
    assert.deepEqual(
      files.map((file) => file.path),
      ['src/units/feature.py', 'tests/test_feature.py'],
    );
    assert.match(files[0]?.content ?? '', /^# Written by an AI model.*\ndef km/);
    assert.match(files[1]?.content ?? '', /from units\.feature import km/);
  });

  it('an answer without two python blocks gives nothing', () => {
    assert.equal(ideaFiles('```python\nx = 1\n```', 'units'), undefined);
    assert.equal(ideaFiles('no code at all', 'units'), undefined);
  });
});
