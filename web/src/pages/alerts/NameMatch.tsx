// A match explained: the two names side by side with the aligned tokens
// highlighted in the same colour on both sides (across scripts), the token
// alignment table, and the evidence beyond the name with its signed effect
// on the score.
import { useLocale, useT } from '../../i18n';
import { useLatin } from '../../translit';
import { codeLabel, formatDelta, formatScore } from './format';
import { matchMessages } from './match-messages';
import type { Evidence, Explanation, TokenAlignment } from './types';

const COLOURS = 6;

// Combining marks, Arabic vowel signs and Quranic marks: ignored when looking for a token.
const MARKS = /[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;
// Arabic letters the engine treats as one (hamza seats, tā' marbūṭa, alif maqṣūra).
const LETTERS: Record<string, string> = { أ: 'ا', إ: 'ا', آ: 'ا', ٱ: 'ا', ة: 'ه', ى: 'ي' };

// `s` folded for searching, with the index in `s` of every folded code unit.
function fold(s: string): { text: string; at: number[] } {
  let text = '';
  const at: number[] = [];
  let i = 0;
  for (const ch of s) {
    const folded = [...ch.normalize('NFD').replace(MARKS, '').toLowerCase()]
      .map((c) => LETTERS[c] ?? c)
      .join('');
    text += folded;
    for (let k = 0; k < folded.length; k++) at.push(i);
    i += ch.length;
  }
  at.push(s.length);
  return { text, at };
}

interface Span {
  start: number;
  end: number;
  token: number;
}

// Where each token (by its index) is written in `name`: the first free
// occurrence that starts a word, else the first free one.
export function tokenSpans(name: string, tokens: (string | null)[]): Span[] {
  const { text, at } = fold(name);
  const spans: Span[] = [];
  tokens.forEach((token, index) => {
    for (const word of (token ?? '').split(/\s+/)) {
      const w = fold(word).text;
      if (!w) continue;
      let best = -1;
      for (let p = text.indexOf(w); p >= 0; p = text.indexOf(w, p + 1)) {
        const start = at[p];
        const end = at[p + w.length];
        if (spans.some((s) => start < s.end && end > s.start)) continue;
        if (p === 0 || /[\s\-‐'’.,()]/.test(text[p - 1])) {
          best = p;
          break;
        }
        if (best < 0) best = p;
      }
      if (best >= 0) spans.push({ start: at[best], end: at[best + w.length], token: index });
    }
  });
  return spans.sort((a, b) => a.start - b.start);
}

function Marked(props: { text: string; tokens: (string | null)[]; titles: string[] }) {
  const out = [];
  let pos = 0;
  for (const s of tokenSpans(props.text, props.tokens)) {
    if (s.start > pos) out.push(props.text.slice(pos, s.start));
    out.push(
      <mark
        key={s.start}
        class={`tok tok-${s.token % COLOURS}`}
        data-token={s.token}
        title={props.titles[s.token]}
      >
        {props.text.slice(s.start, s.end)}
      </mark>,
    );
    pos = s.end;
  }
  if (pos < props.text.length) out.push(props.text.slice(pos));
  return <>{out}</>;
}

// A name as NameText shows it (original script, Latin beside), with tokens
// marked in the original: the alignment table gives each token's Latin.
export function HighlightedName(props: {
  name: string;
  tokens: (string | null)[];
  titles: string[];
}) {
  const latin = useLatin(props.name);
  return (
    <span class="name hl-name">
      <bdi dir="auto" class="name-original">
        <Marked text={props.name} tokens={props.tokens} titles={props.titles} />
      </bdi>
      {latin && latin !== props.name && (
        <span class="name-latin">
          {' '}
          (<bdi dir="ltr">{latin}</bdi>)
        </span>
      )}
    </span>
  );
}

// Only pairs with a token on both sides are marked.
const paired = (t: TokenAlignment) => t.query_token !== '' && t.listed_token !== '';

export function NamesSideBySide(props: { explanation: Explanation }) {
  const t = useT(matchMessages);
  const locale = useLocale();
  const e = props.explanation;
  const side = (pick: (x: TokenAlignment) => string) =>
    e.tokens.map((x) => (paired(x) ? pick(x) : null));
  const titles = e.tokens.map((x) => `${x.query_token} ↔ ${x.listed_token}`);
  return (
    <div class="names-side" data-testid="names-side">
      <div class="names-cell">
        <div class="names-label">{t('subjectName')}</div>
        <HighlightedName
          name={e.query_name}
          tokens={side((x) => x.query_token)}
          titles={titles}
        />
      </div>
      <div class="names-link" aria-hidden="true">
        ⇄
      </div>
      <div class="names-cell">
        <div class="names-label">
          {t('listedName')}{' '}
          <span class="muted">({codeLabel(t, matchMessages, 'kind_', e.listed_name_kind)})</span>
        </div>
        <HighlightedName
          name={e.listed_name}
          tokens={side((x) => x.listed_token)}
          titles={titles}
        />
      </div>
      <p class="names-score">{t('nameScore', { score: formatScore(locale, e.name_score) })}</p>
    </div>
  );
}

function TokenCell(props: { token: string; latin: string; index: number; paired: boolean }) {
  const t = useT(matchMessages);
  if (!props.token) return <span class="muted">— {t('unmatched')}</span>;
  return (
    <>
      {props.paired && (
        <span class={`tok-key tok-${props.index % COLOURS}`} aria-hidden="true">
          {props.index + 1}
        </span>
      )}{' '}
      <bdi dir="auto">{props.token}</bdi>
      {props.latin && props.latin !== props.token && (
        <span class="name-latin">
          {' '}
          (<bdi dir="ltr">{props.latin}</bdi>)
        </span>
      )}
    </>
  );
}

export function AlignmentTable(props: { tokens: TokenAlignment[] }) {
  const t = useT(matchMessages);
  const locale = useLocale();
  return (
    <table class="data alignment" data-testid="alignment">
      <caption>{t('alignmentCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colSubjectToken')}</th>
          <th scope="col">{t('colListedToken')}</th>
          <th scope="col">{t('colHow')}</th>
          <th scope="col" class="num">
            {t('colSimilarity')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.tokens.map((x, i) => (
          <tr key={i}>
            <td>
              <TokenCell token={x.query_token} latin={x.query_latin} index={i} paired={paired(x)} />
            </td>
            <td>
              <TokenCell
                token={x.listed_token}
                latin={x.listed_latin}
                index={i}
                paired={paired(x)}
              />
            </td>
            <td>{x.how ? codeLabel(t, matchMessages, 'how_', x.how) : '—'}</td>
            <td class="num">{formatScore(locale, x.similarity)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function EvidenceTable(props: { evidence: Evidence[] }) {
  const t = useT(matchMessages);
  const locale = useLocale();
  if (props.evidence.length === 0) return <p class="muted">{t('noEvidence')}</p>;
  return (
    <table class="data evidence" data-testid="evidence">
      <caption>{t('evidenceCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('colField')}</th>
          <th scope="col">{t('colSubjectValue')}</th>
          <th scope="col">{t('colListedValue')}</th>
          <th scope="col">{t('colVerdict')}</th>
          <th scope="col" class="num">
            {t('colDelta')}
          </th>
        </tr>
      </thead>
      <tbody>
        {props.evidence.map((ev) => (
          <tr key={ev.field}>
            <th scope="row">{codeLabel(t, matchMessages, 'field_', ev.field)}</th>
            <td>
              <bdi>{ev.query_value || '—'}</bdi>
            </td>
            <td>
              <bdi>{ev.listed_value || '—'}</bdi>
            </td>
            <td>
              <span class={`badge verdict-${ev.verdict}`}>
                {codeLabel(t, matchMessages, 'verdict_', ev.verdict)}
              </span>
            </td>
            <td class={`num delta ${ev.delta > 0 ? 'up' : ev.delta < 0 ? 'down' : ''}`}>
              <bdi dir="ltr">{formatDelta(locale, ev.delta)}</bdi>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

// The whole explanation, as the alert view and the screen page show it.
export function MatchExplanation(props: { explanation: Explanation }) {
  return (
    <div class="match-explanation">
      <NamesSideBySide explanation={props.explanation} />
      <AlignmentTable tokens={props.explanation.tokens} />
      <EvidenceTable evidence={props.explanation.evidence} />
    </div>
  );
}

// A score as a bar and a number.
export function ScoreBar(props: { score: number; label?: string }) {
  const locale = useLocale();
  const pct = Math.max(0, Math.min(1, props.score)) * 100;
  const level = props.score >= 0.95 ? 'high' : props.score >= 0.85 ? 'mid' : 'low';
  return (
    <span class="score" aria-label={props.label}>
      <span class="score-bar" aria-hidden="true">
        <span class={`score-fill ${level}`} style={{ inlineSize: `${pct}%` }} />
      </span>
      <span class="score-num">{formatScore(locale, props.score)}</span>
    </span>
  );
}
