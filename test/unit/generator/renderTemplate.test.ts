import * as assert from 'node:assert/strict';
import { renderTemplate, TemplateError } from '../../../src/core/generator/renderTemplate';

describe('renderTemplate', () => {
  it('fills values and leaves ${{ }} and [[ ]] alone', () => {
    const text = 'name <%name%>: ${{ matrix.python }} [[tool.mypy.overrides]]';
    assert.equal(
      renderTemplate(text, { name: 'demo' }, 't'),
      'name demo: ${{ matrix.python }} [[tool.mypy.overrides]]',
    );
  });

  it('sections: booleans, inverted, lists with fields and <%.%>; tag-only lines vanish', () => {
    const text = [
      '<%#on%>',
      'on',
      '<%/on%>',
      '<%^on%>',
      'off',
      '<%/on%>',
      '<%#items%>',
      '- <%.%>',
      '<%/items%>',
      '<%#scripts%><%name%>=<%target%>;<%/scripts%>',
      '',
    ].join('\n');
    const output = renderTemplate(
      text,
      { on: true, items: ['a', 'b'], scripts: [{ name: 'x', target: 'm:f' }] },
      't',
    );
    assert.equal(output, 'on\n- a\n- b\nx=m:f;\n');
    assert.equal(
      renderTemplate('<%#on%>\nyes\n<%/on%>\n<%^on%>\nno\n<%/on%>\n', { on: false }, 't'),
      'no\n',
    );
  });

  it('an unknown placeholder or an unclosed section is an error naming the template', () => {
    assert.throws(
      () => renderTemplate('<%nope%>', {}, 'a/b.txt'),
      (error: unknown) => {
        assert.ok(error instanceof TemplateError);
        assert.match(error.message, /a\/b\.txt: unknown placeholder "nope"/);
        return true;
      },
    );
    assert.throws(() => renderTemplate('<%#on%>x', { on: true }, 't'), /never closed/);
    assert.throws(() => renderTemplate('x<%/on%>', { on: true }, 't'), /closes nothing/);
  });
});
