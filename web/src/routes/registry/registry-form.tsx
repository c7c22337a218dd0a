// One form for a registry entry (member or CI): every field labelled, its hint and the server's
// error next to it, what was typed kept after a refusal, and the focus on the field the server
// named (or on the message when it named none).
import { useEffect, useRef, type FormEvent } from 'react';
import { Alert } from '../../components/common/alert';
import { TextField } from '../../components/common/text-field';
import { useI18n } from '../../i18n/i18n-context';
import type { FormValues } from './registry-helpers';

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'date' | 'email' | 'url' | 'tel' | 'checkbox';
  hint?: string;
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'numeric' | 'text' | 'email' | 'tel' | 'url';
}

export interface FieldGroup {
  legend: string;
  fields: FieldSpec[];
}

/** A refusal from the server: its message and the field it names (null: the whole form). */
export interface FormFailure {
  field: string | null;
  message: string;
  key: number;
}

export function RegistryForm({
  idPrefix,
  title,
  groups,
  values,
  onChange,
  failure,
  busy,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  idPrefix: string;
  title: string;
  groups: FieldGroup[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  failure: FormFailure | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const formRef = useRef<HTMLFormElement>(null);
  const known = new Set(groups.flatMap((g) => g.fields.map((f) => f.name)));
  const fieldError = failure && failure.field && known.has(failure.field) ? failure : null;

  useEffect(() => {
    if (fieldError) {
      formRef.current?.querySelector<HTMLElement>(`#${idPrefix}-${fieldError.field}`)?.focus();
    }
  }, [fieldError, idPrefix]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!busy) {
      onSubmit();
    }
  }

  const set = (name: string, value: string | boolean) => onChange({ ...values, [name]: value });

  return (
    <form ref={formRef} className="form registry-form" onSubmit={submit} noValidate aria-label={title}>
      {failure && !fieldError && <Alert key={failure.key} tone="error" title={failure.message} focus />}
      {groups.map((group) => (
        <fieldset key={group.legend} className="registry-form__group">
          <legend>{group.legend}</legend>
          <div className="registry-form__fields">
            {group.fields.map((field) => {
              const id = `${idPrefix}-${field.name}`;
              const error = fieldError?.field === field.name ? fieldError.message : null;
              if (field.type === 'checkbox') {
                return (
                  <div key={field.name} className={`field field--checkbox${error ? ' field--invalid' : ''}`}>
                    {error && (
                      <p className="field__error" id={`${id}-error`}>
                        {error}
                      </p>
                    )}
                    <label className="checkbox" htmlFor={id}>
                      <input
                        id={id}
                        type="checkbox"
                        checked={values[field.name] === true}
                        onChange={(event) => set(field.name, event.target.checked)}
                        aria-invalid={error ? true : undefined}
                        aria-describedby={error ? `${id}-error` : field.hint ? `${id}-hint` : undefined}
                      />{' '}
                      {field.label}
                    </label>
                    {field.hint && (
                      <p className="field__hint" id={`${id}-hint`}>
                        {field.hint}
                      </p>
                    )}
                  </div>
                );
              }
              return (
                <TextField
                  key={field.name}
                  id={id}
                  name={field.name}
                  type={field.type ?? 'text'}
                  label={field.required ? field.label : t('registry.optional', { label: field.label })}
                  hint={field.hint}
                  autoComplete={field.autoComplete ?? 'off'}
                  inputMode={field.inputMode}
                  value={typeof values[field.name] === 'string' ? (values[field.name] as string) : ''}
                  onChange={(event) => set(field.name, event.target.value)}
                  error={error}
                  required={field.required}
                />
              );
            })}
          </div>
        </fieldset>
      ))}
      <div className="form__actions">
        <button type="submit" className="button button--primary" aria-disabled={busy}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
