import { describe, expect, it } from "vitest";
import { canonicalToCommonMark, renderMarkdown } from "~/models/markdown.server";

const TEXT = "## 背景\n北区投放点异味严重\n居民多次反映\n## 方案\n- 每日清洗两次\n- **加装**除臭设备\n### 预算\n1. 设备 3000 元\n2. 人工 2000 元";

describe("renderMarkdown (frozen texts as formatted text)", () => {
  it("makes headings, paragraphs (one per line, as the canonical text has them), lists and bold", () => {
    const html = renderMarkdown(TEXT);
    expect(html).toContain("<h2>背景</h2>");
    expect(html).toContain("<h3>预算</h3>");
    expect(html).toContain("<p>北区投放点异味严重</p>\n<p>居民多次反映</p>");
    expect(html).toContain("<ul>\n<li>每日清洗两次</li>\n<li><strong>加装</strong>除臭设备</li>\n</ul>");
    expect(html).toContain("<ol>\n<li>设备 3000 元</li>\n<li>人工 2000 元</li>\n</ol>");
    expect(html).not.toMatch(/##|\*\*/);
  });

  it("leaves the text itself alone: rendering is only how it is shown", () => {
    const before = TEXT.slice();
    renderMarkdown(TEXT);
    expect(TEXT).toBe(before);
    expect(canonicalToCommonMark("甲\n乙")).toBe("甲\n\n乙");
    expect(canonicalToCommonMark("- 甲\n- 乙\n  续\n- 丙")).toBe("- 甲\n- 乙\n\n  续\n- 丙");
  });

  it("escapes raw HTML: a script, an image with onerror, an inline handler stay text", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n<img src=x onerror="alert(1)">\n段落 <b onclick="alert(1)">粗</b>\n<div>\n块\n</div>');
    expect(html).not.toMatch(/<script|<img|<b |<div/);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
  });

  it("drops unsafe link protocols, makes no images and no indented code", () => {
    const html = renderMarkdown("[点我](javascript:alert(1))\n![图](http://example.com/track.png)\n    四个空格开头的段落");
    expect(html).not.toContain("javascript:");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<code");
    expect(html).toContain("<p>四个空格开头的段落</p>");
  });

  it("answers the same for the same text (cached) and renders the empty text as nothing", () => {
    expect(renderMarkdown(TEXT)).toBe(renderMarkdown(TEXT));
    expect(renderMarkdown("")).toBe("");
  });
});
