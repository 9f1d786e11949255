// The notifications of the caller's role (GET /v1/notifications): the
// data-protection officer hears of every unmasking request, decision and
// use, the admin of a failed retention run. Also the unread count the
// navigation shows beside the link.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorBox, Loading, PageTitle, useLoad } from '../components/ui';
import { defineMessages, formatDateTime, formatNumber, useLocale, useT } from '../i18n';
import { setQuery, useLocation } from '../router';
import { useSession } from '../session';
import { shell } from '../shell-messages';
import './notifications.css';

const nm = defineMessages(
  {
    title: 'Notifications',
    intro: 'Notices for your role ({role}). Marking one read marks it for everyone in the role.',
    unreadOnly: 'Unread only',
    listLabel: 'Notifications',
    none: 'No notifications.',
    unread: 'unread',
    markRead: 'Mark as read',
    readBy: 'Read by {user}, {at}',
    unreadCount: '{n} unread notifications',
    'kind_unmask-requested': 'Unmasking requested',
    'kind_unmask-approved': 'Unmasking approved',
    'kind_unmask-rejected': 'Unmasking rejected',
    'kind_unmask-used': 'Original read',
    'kind_retention-failed': 'Retention run failed',
    'kind_audit-chain-broken': 'Audit chain broken',
  },
  {
    ar: {
      title: 'الإشعارات',
      intro: 'إشعارات دورك ({role}). تعليم إشعار بأنه مقروء يعلّمه لجميع أصحاب هذا الدور.',
      unreadOnly: 'غير المقروءة فقط',
      listLabel: 'الإشعارات',
      none: 'لا توجد إشعارات.',
      unread: 'غير مقروء',
      markRead: 'علّم كمقروء',
      readBy: 'قرأه {user}، {at}',
      unreadCount: '{n} من الإشعارات غير مقروءة',
      'kind_unmask-requested': 'طلب كشف بيانات',
      'kind_unmask-approved': 'الموافقة على كشف بيانات',
      'kind_unmask-rejected': 'رفض كشف بيانات',
      'kind_unmask-used': 'الاطلاع على أصل',
      'kind_retention-failed': 'فشل تشغيل سياسة الحفظ',
      'kind_audit-chain-broken': 'انكسار سلسلة التدقيق',
    },
    ru: {
      title: 'Уведомления',
      intro: 'Уведомления для вашей роли ({role}). Отметка о прочтении действует для всех в этой роли.',
      unreadOnly: 'Только непрочитанные',
      listLabel: 'Уведомления',
      none: 'Уведомлений нет.',
      unread: 'не прочитано',
      markRead: 'Отметить как прочитанное',
      readBy: 'Прочитал(а) {user}, {at}',
      unreadCount: 'Непрочитанных уведомлений: {n}',
      'kind_unmask-requested': 'Запрошено раскрытие',
      'kind_unmask-approved': 'Раскрытие одобрено',
      'kind_unmask-rejected': 'Раскрытие отклонено',
      'kind_unmask-used': 'Оригинал прочитан',
      'kind_retention-failed': 'Сбой очистки по срокам хранения',
      'kind_audit-chain-broken': 'Цепочка аудита нарушена',
    },
    fr: {
      title: 'Notifications',
      intro: 'Les avis adressés à votre rôle ({role}). Marquer un avis comme lu le marque pour tout le rôle.',
      unreadOnly: 'Non lues seulement',
      listLabel: 'Notifications',
      none: 'Aucune notification.',
      unread: 'non lue',
      markRead: 'Marquer comme lue',
      readBy: 'Lue par {user}, {at}',
      unreadCount: '{n} notifications non lues',
      'kind_unmask-requested': 'Levée du masquage demandée',
      'kind_unmask-approved': 'Levée du masquage approuvée',
      'kind_unmask-rejected': 'Levée du masquage refusée',
      'kind_unmask-used': 'Original consulté',
      'kind_retention-failed': 'Échec de la purge de conservation',
      'kind_audit-chain-broken': 'Chaîne d’audit rompue',
    },
  },
);

type Kind = `kind_${string}` & keyof (typeof nm)['en'];

interface Notification {
  id: number;
  role: string;
  at: string;
  kind: string;
  object: string;
  text: string;
  read_by: string;
  read_at: string;
}

// Marking read here tells the navigation's count at once.
const CHANGED = 'hudud:notifications-changed';

export function NotificationsPage(_props: { params: Record<string, string> }) {
  const t = useT(nm);
  const ts = useT(shell);
  const locale = useLocale();
  const { me } = useSession();
  const { query } = useLocation();
  const unreadOnly = query.get('unread') === 'true';
  const list = useLoad(
    (signal) =>
      api<{ notifications: Notification[] }>('/v1/notifications', {
        query: { unread: unreadOnly ? 'true' : null, limit: 200 },
        signal,
      }),
    [unreadOnly],
  );
  const [error, setError] = useState<unknown>(null);
  const markRead = async (id: number) => {
    setError(null);
    try {
      await api(`/v1/notifications/${id}/read`, { method: 'POST' });
      list.reload();
      window.dispatchEvent(new Event(CHANGED));
    } catch (err) {
      setError(err);
    }
  };
  const kindName = (k: string) => (`kind_${k}` in nm.en ? t(`kind_${k}` as Kind) : k);
  const roleKey = `role_${me.role}` as keyof (typeof shell)['en'];
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p class="muted">{t('intro', { role: ts(roleKey) })}</p>
      <label class="inline-check">
        <input
          type="checkbox"
          checked={unreadOnly}
          onChange={(e) =>
            setQuery({ unread: (e.target as HTMLInputElement).checked ? 'true' : null })
          }
        />{' '}
        {t('unreadOnly')}
      </label>
      {error !== null && <ErrorBox error={error} />}
      {list.error ? (
        <ErrorBox error={list.error} onRetry={list.reload} />
      ) : !list.data ? (
        <Loading />
      ) : list.data.notifications.length === 0 ? (
        <p class="muted">{t('none')}</p>
      ) : (
        <ul class="notifications" aria-label={t('listLabel')}>
          {list.data.notifications.map((n) => (
            <li
              key={n.id}
              class={`card ${n.read_at ? 'read' : 'unread'}`}
              data-testid={`notification-${n.id}`}
            >
              <p class="notification-head">
                <strong>{kindName(n.kind)}</strong> · {formatDateTime(locale, n.at)}
                {!n.read_at && (
                  <>
                    {' '}
                    <span class="badge open">{t('unread')}</span>
                  </>
                )}
              </p>
              <p>
                <bdi dir="ltr">{n.text}</bdi>
              </p>
              {n.read_at ? (
                <p class="muted">
                  {t('readBy', { user: n.read_by, at: formatDateTime(locale, n.read_at) })}
                </p>
              ) : (
                <button type="button" onClick={() => markRead(n.id)}>
                  {t('markRead')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

// The role's unread count beside the navigation link, asked every minute
// and whenever one is marked read.
export function UnreadCount() {
  const t = useT(nm);
  const locale = useLocale();
  const [count, setCount] = useState(0);
  useEffect(() => {
    let live = true;
    const refresh = () =>
      api<{ notifications: unknown[] }>('/v1/notifications', {
        query: { unread: 'true', limit: 1000 },
      })
        .then((r) => live && setCount(r.notifications.length))
        .catch(() => {});
    refresh();
    const timer = setInterval(refresh, 60_000);
    window.addEventListener(CHANGED, refresh);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener(CHANGED, refresh);
    };
  }, []);
  if (count === 0) return null;
  return (
    <span class="nav-count" data-testid="unread-count">
      <span aria-hidden="true">{formatNumber(locale, count)}</span>
      <span class="sr-only">{t('unreadCount', { n: count })}</span>
    </span>
  );
}
