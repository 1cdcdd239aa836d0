// A failed API call in plain Dutch: one message for the page, one per field (invalidParams).
import { ApiError } from '../api/client';
import { t } from '../i18n';

export interface Explained {
  message: string;
  fields: Record<string, string>;
}

/** The field an invalidParam names: "samenvatting", "/samenvatting" or "body.samenvatting". */
function fieldName(name: string): string {
  return name.replace(/^\/+/, '').replace(/^body[./]/, '').split(/[./[]/)[0];
}

export function explain(err: unknown, action = false): Explained {
  if (!(err instanceof ApiError)) return { message: t('state.error'), fields: {} };
  const fields: Record<string, string> = {};
  for (const p of err.problem?.invalidParams ?? []) {
    const f = fieldName(p.name);
    fields[f] = fields[f] ? `${fields[f]} ${p.reason}` : p.reason;
  }
  let message: string;
  switch (err.status) {
    case 0:
      message = t('state.network');
      break;
    case 400:
    case 422:
      message = Object.keys(fields).length ? t('state.invalid') : (err.problem?.detail ?? t('state.invalid'));
      break;
    case 403:
      message = action ? t('state.forbiddenAction') : t('state.forbidden');
      break;
    case 404:
      message = t('state.notFound');
      break;
    case 409:
    case 412:
      message = err.problem?.detail ?? t('state.conflict');
      break;
    case 502:
    case 503:
    case 504:
      message = t('state.unavailable');
      break;
    default:
      message = err.status >= 500 ? t('state.serverError') : (err.problem?.detail ?? t('state.error'));
  }
  return { message, fields };
}
