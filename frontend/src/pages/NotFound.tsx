import { Link } from 'react-router';
import { useTitle } from '../components/Layout';
import { t } from '../i18n';

export function NotFound() {
  useTitle(t('notFound.title'));
  return (
    <>
      <h1 className="utrecht-heading-1">{t('notFound.title')}</h1>
      <p className="utrecht-paragraph">
        <Link to="/" className="utrecht-link">
          {t('notFound.text')}
        </Link>
      </p>
    </>
  );
}
