// A node or link type in the reader's language; a type the console does not
// know yet is shown as the server names it.
import { useT } from '../../i18n';
import { m } from './messages';

type Key = keyof (typeof m)['en'];

export function useTypeNames() {
  const t = useT(m);
  return {
    node: (type: string) => (`type_${type}` in m.en ? t(`type_${type}` as Key) : type),
    edge: (type: string) => (`edge_${type}` in m.en ? t(`edge_${type}` as Key) : type),
  };
}

export function TypeName(props: { type: string }) {
  return <>{useTypeNames().node(props.type)}</>;
}
