import { expect, it } from 'vitest';
import { htmlToPlainText } from './html-text.ts';

it('turns email HTML into readable lines without scripts, styles or tags', () => {
  const html = `<html><head><style>p { color: red }</style><title>x</title></head><body>
    <p>Hi&nbsp;team,</p><div>The <b>export</b> &amp; import are &lt;broken&gt;.<br>Since Monday&#8230;</div>
    <script>alert(1)</script><!-- tracking --><ul><li>one</li><li>two &#x2713;</li></ul></body></html>`;
  expect(htmlToPlainText(html)).toBe(
    'Hi team,\nThe export & import are <broken>.\nSince Monday…\none\ntwo ✓',
  );
});

it('stays fast on hostile HTML (unclosed tags and comments)', () => {
  const started = performance.now();
  for (const hostile of ['<script'.repeat(200_000), '<!--'.repeat(200_000), '<'.repeat(1_000_000)])
    htmlToPlainText(`text ${hostile}`);
  expect(performance.now() - started).toBeLessThan(2000);
  expect(htmlToPlainText('a <!-- hidden --> b <style>x</style>c')).toBe('a b c');
});
