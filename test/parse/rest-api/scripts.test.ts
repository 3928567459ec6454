import { describe, expect, it } from "vitest";
import { DiagnosticSink } from "../../../src/diagnostics/diagnostic.js";
import { readScriptRequests } from "../../../src/parse/rest-api/index.js";
import { where } from "./helpers.js";

function requests(path: string, text: string) {
  const sink = new DiagnosticSink();
  const read = readScriptRequests({ path, text }, sink);
  return {
    list: read.map((request) => ({ method: request.method, url: request.url.text, body: request.body?.text, host: request.host, superAdmin: request.superAdmin })),
    bodyStarts: read.map((request) => (request.body ? request.body.file.lineColumn(request.body.offsetAt(0)) : undefined)),
    diagnostics: sink.diagnostics.map((d) => `${where(d)} ${d.message}`),
  };
}

describe("console files", () => {
  it("reads each request line and the JSON body under it, skipping comments", () => {
    const text = `# users\nPUT _plugins/_security/api/internalusers/judy\n{\n  "password": "x"\n}\n\n// next\nDELETE /_opendistro/_security/api/roles/r1\n`;
    const { list, diagnostics } = requests("a.console", text);
    expect(diagnostics).toEqual([]);
    expect(list).toEqual([
      { method: "PUT", url: "_plugins/_security/api/internalusers/judy", body: '{\n  "password": "x"\n}', host: undefined, superAdmin: false },
      { method: "DELETE", url: "/_opendistro/_security/api/roles/r1", body: undefined, host: undefined, superAdmin: false },
    ]);
  });

  it("reads .http files with full URLs, an HTTP version and headers", () => {
    const text = `### create\nPUT https://localhost:9200/_plugins/_security/api/roles/r1 HTTP/1.1\nContent-Type: application/json\n\n{"cluster_permissions": []}\n`;
    const { list, diagnostics } = requests("a.http", text);
    expect(diagnostics).toEqual([]);
    expect(list).toEqual([{ method: "PUT", url: "https://localhost:9200/_plugins/_security/api/roles/r1", body: '{"cluster_permissions": []}', host: "localhost:9200", superAdmin: false }]);
  });

  it("reports a line that is not a request at its line and column", () => {
    const { diagnostics } = requests("a.console", "PUT _plugins/_security/api/roles/r1\n{}\nhello there\n");
    expect(diagnostics).toEqual([]);
    expect(requests("a.console", "  hello there\nPUT x\n").diagnostics).toEqual([
      "a.console:1:3 PC2101 expected a request line such as `PUT _plugins/_security/api/roles/<name>`, found `hello there`",
    ]);
  });
});

describe("curl scripts", () => {
  it("reads -XPUT, -X PUT and --request, with -d, --data-raw and --data-binary bodies", () => {
    const text = [
      `curl -XPUT -k -u 'admin:<pw>' 'https://localhost:9200/_plugins/_security/api/internalusers/a' -H 'Content-Type: application/json' -d '{"password":"p"}'`,
      `curl -X PUT --insecure https://h:9200/_plugins/_security/api/roles/r --data-raw '{"cluster_permissions":[]}'`,
      `curl --request DELETE "https://h:9200/_plugins/_security/api/roles/r"`,
      `curl -sS -XPATCH https://h:9200/_plugins/_security/api/roles --data-binary '[]'`,
    ].join("\n");
    const { list, diagnostics } = requests("a.sh", text);
    expect(diagnostics).toEqual([]);
    expect(list.map(({ method, body, host }) => ({ method, body, host }))).toEqual([
      { method: "PUT", body: '{"password":"p"}', host: "localhost:9200" },
      { method: "PUT", body: '{"cluster_permissions":[]}', host: "h:9200" },
      { method: "DELETE", body: undefined, host: "h:9200" },
      { method: "PATCH", body: "[]", host: "h:9200" },
    ]);
  });

  it("follows line continuations and keeps the body's place in the file", () => {
    const text = `curl -XPUT \\\n  https://h/_plugins/_security/api/roles/r \\\n  -d '{\n  "cluster_permissions": []\n}'\n`;
    const { list, bodyStarts } = requests("a.sh", text);
    expect(list[0]!.body).toBe('{\n  "cluster_permissions": []\n}');
    expect(bodyStarts[0]).toEqual({ line: 3, column: 7 });
  });

  it("unquotes double-quoted bodies as the shell does", () => {
    const { list } = requests("a.sh", `curl -X PUT https://h/_plugins/_security/api/tenants/t -d "{\\"description\\": \\"it's\\"}"`);
    expect(list[0]!.body).toBe(`{"description": "it's"}`);
  });

  it("takes a here-document as the body of --data-binary @-", () => {
    const text = `curl -X PUT "$URL/_plugins/_security/api/tenants/t" --data-binary @- <<'JSON'\n{"description": "x"}\nJSON\necho done\n`;
    const { list, diagnostics } = requests("a.sh", text);
    expect(diagnostics).toEqual([]);
    expect(list).toEqual([{ method: "PUT", url: "$URL/_plugins/_security/api/tenants/t", body: '{"description": "x"}\n', host: undefined, superAdmin: false }]);
  });

  it("treats a request sent with the admin certificate as a super admin's", () => {
    expect(requests("a.sh", "curl --cert kirk.pem --key kirk-key.pem -XDELETE https://h/_plugins/_security/api/roles/r").list[0]!.superAdmin).toBe(true);
  });

  it("skips, with a warning, a body read from a file or built by the shell", () => {
    const { list, diagnostics } = requests("a.sh", `curl -XPUT https://h/_plugins/_security/api/roles/r -d @role.json\ncurl -XPUT https://h/_plugins/_security/api/roles/r -d "{\\"x\\": \\"$NAME\\"}"`);
    expect(list).toEqual([]);
    expect(diagnostics.map((d) => d.split(" ").slice(0, 2).join(" "))).toEqual(["a.sh:1:56 PC2111", "a.sh:2:57 PC2111"]);
  });

  it("passes over commands that are not curl", () => {
    expect(requests("a.sh", "#!/bin/sh\nset -e\necho 'curl -XPUT x'\nexport A=1; ls | wc -l\n").list).toEqual([]);
  });
});
