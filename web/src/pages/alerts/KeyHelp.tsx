// The shortcuts of a screen, listed on it.
import { useT } from '../../i18n';
import { alertMessages } from './messages';

export function KeyHelp(props: { items: [string[], string][] }) {
  const t = useT(alertMessages);
  return (
    <aside class="key-help" aria-labelledby="key-help-title">
      <h2 id="key-help-title">{t('keysTitle')}</h2>
      <dl>
        {props.items.map(([keys, what]) => (
          <div key={what}>
            <dt>
              {keys.map((k, i) => (
                <span key={k}>
                  {i > 0 && ' '}
                  <kbd class="kbd">{k}</kbd>
                </span>
              ))}
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </aside>
  );
}
