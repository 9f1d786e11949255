// An article's plain-text body as paragraphs and lists: blocks apart by a
// blank line, a block of "- " lines a list. Text only: nothing the server
// sends is ever read as HTML.
export function ArticleBody(props: { body: string }) {
  const blocks = props.body
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  return (
    <div class="article-body">
      {blocks.map((b, i) => {
        const lines = b.split('\n');
        if (lines.every((l) => /^\s*-\s/.test(l))) {
          return (
            <ul key={i}>
              {lines.map((l, j) => (
                <li key={j}>{l.replace(/^\s*-\s+/, '')}</li>
              ))}
            </ul>
          );
        }
        return <p key={i}>{b}</p>;
      })}
    </div>
  );
}
