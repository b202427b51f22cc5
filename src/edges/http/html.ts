const replacements: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text made safe to put in HTML, in element content and in quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => replacements[c] ?? c);
}

/** A whole page: no scripts, no third-party requests, readable without styles. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<style>
body{font:1.0625rem/1.5 system-ui,sans-serif;max-width:42rem;margin:0 auto;padding:1rem;color:#1a1a1a;background:#fff}
h1{color:#1f5f3a}
.note{border-left:.3rem solid #b35c00;padding:.5rem 1rem;background:#fff4e5}
dt{font-weight:600;margin-top:1rem}
</style>
</head>
<body>
${body}
</body>
</html>
`;
}
