import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeHtml, sanitizeArticleHtml } from '../../src/kernel/lib/html.js';

test('scripts, event handlers and javascript: links never survive', () => {
  const out = sanitizeArticleHtml(
    '<p onclick="x()">a<script>alert(1)</script></p><a href="javascript:alert(1)">b</a><img src=x onerror=alert(1)><iframe src="https://evil"></iframe>',
  );
  assert.doesNotMatch(out, /script|onclick|onerror|javascript:|iframe/i);
  assert.match(out, /<p>a<\/p>/);
});

test('alignment becomes a class because the CSP forbids style attributes', () => {
  assert.equal(sanitizeArticleHtml('<p style="text-align: center; color: red">Giữa</p>'), '<p class="align-center">Giữa</p>');
  assert.equal(sanitizeArticleHtml('<p style="color:red">x</p>'), '<p>x</p>');
});

test('external links get rel=noopener, text is stored NFC', () => {
  assert.equal(
    sanitizeArticleHtml('<a href="https://chinhphu.vn">Chính phủ</a>'),
    '<a href="https://chinhphu.vn" rel="noopener noreferrer">Chính phủ</a>',
  );
  assert.equal(sanitizeArticleHtml('<p>Hồng</p>'.normalize('NFD')), '<p>Hồng</p>');
});

test('escapeHtml escapes the five characters', () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
