import { useTranslation } from 'react-i18next';
import { useSession } from '../shared/session';

/**
 * On every page while the user can see a synthetic demo operation (waymark seed --demo):
 * generated people must never be taken for real ones, nor real ones recorded among them.
 */
export function DemoBanner() {
  const { t } = useTranslation();
  const synthetic = useSession().operations.filter((operation) => operation.synthetic);
  if (synthetic.length === 0) return null;
  const operations = synthetic.map((operation) => `${operation.name} (${operation.code})`).join(', ');
  return (
    <p className="demo-banner" role="note" data-testid="demo-banner">
      {t('demo.banner', { operations })}
    </p>
  );
}
