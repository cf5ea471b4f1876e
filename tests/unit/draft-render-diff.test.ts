import { describe, expect, it } from "vitest";
import { diffDraftBlocks } from "~/models/draft-version.server";

describe("diffDraftBlocks", () => {
  it("keeps unchanged blocks, and shows a changed line as removed then added, each formatted", () => {
    const blocks = diffDraftBlocks("## 背景\n投放点异味严重\n## 方案", "## 背景\n北区投放点异味十分严重\n## 方案");
    expect(blocks).toEqual([
      { kind: "same", html: "<h2>背景</h2>" },
      { kind: "removed", html: "<p>投放点异味严重</p>" },
      { kind: "added", html: "<p>北区投放点异味十分严重</p>" },
      { kind: "same", html: "<h2>方案</h2>" },
    ]);
  });

  it("shows added and removed lines; no raw Markdown is left in what a reader sees", () => {
    expect(diffDraftBlocks("甲\n乙", "甲\n丙\n乙")).toEqual([
      { kind: "same", html: "<p>甲</p>" },
      { kind: "added", html: "<p>丙</p>" },
      { kind: "same", html: "<p>乙</p>" },
    ]);
    expect(diffDraftBlocks("甲\n乙", "甲")).toEqual([
      { kind: "same", html: "<p>甲</p>" },
      { kind: "removed", html: "<p>乙</p>" },
    ]);
    const html = diffDraftBlocks("## 方案\n- 清洗", "## 方案\n- 清洗\n- **加装**除臭设备").map((b) => b.html).join("");
    expect(html).not.toMatch(/##|\*\*|^- /m);
  });

  it("keeps a run of list items one list, and an added item keeps its number", () => {
    const blocks = diffDraftBlocks("1. 清洗\n2. 除臭", "1. 清洗\n2. 除臭\n3. 巡查\n4. 公示");
    expect(blocks[0]).toEqual({ kind: "same", html: "<ol>\n<li>清洗</li>\n<li>除臭</li>\n</ol>" });
    expect(blocks[1]).toEqual({ kind: "added", html: '<ol start="3">\n<li>巡查</li>\n<li>公示</li>\n</ol>' });
  });

  it("has no change for equal texts, and everything added from empty", () => {
    expect(diffDraftBlocks("甲", "甲")).toEqual([{ kind: "same", html: "<p>甲</p>" }]);
    expect(diffDraftBlocks("", "甲")).toEqual([{ kind: "added", html: "<p>甲</p>" }]);
  });

  it("escapes markup in either text", () => {
    const html = diffDraftBlocks("甲", "<script>alert(1)</script>\n<img src=x onerror=alert(1)>").map((b) => b.html).join("");
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain("&lt;script&gt;");
  });
});
