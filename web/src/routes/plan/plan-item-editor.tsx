// One norm's plan item as the member writes it: Oorzaak, Verbeteracties, Wie (a function, not a
// name) and Uiterlijk, saved automatically over the version it was edited from
// (components/common/use-versioned-autosave.ts: offline kept on this device, stale → both texts).
import { ApiError } from '../../api/api-error';
import { api, type PlanItem } from '../../api/client';
import { SaveStatus } from '../../components/common/save-status';
import { StaleSaveChoice } from '../../components/common/stale-save-choice';
import { useVersionedAutosave, type SaveAnswer } from '../../components/common/use-versioned-autosave';
import { useI18n } from '../../i18n/i18n-context';
import { editKey } from '../../utils/offline-edits';
import { formatDate } from '../trajectories/trajectory-helpers';
import { isComplete, isPlanItemValue, planItemInput, planItemValue, type PlanItemValue } from './plan-helpers';

export function PlanItemEditor({
  trajectoryId,
  item,
  onSaved,
}: {
  trajectoryId: number;
  item: PlanItem;
  /** The stored item's completeness after each save (the progress counts it). */
  onSaved: (norm: string, complete: boolean) => void;
}) {
  const { t } = useI18n();
  const autosave = useVersionedAutosave<PlanItemValue>({
    initial: planItemValue(item),
    version: item.version,
    storageKey: editKey(trajectoryId, 'plan', item.norm),
    isValue: isPlanItemValue,
    readOnly: false,
    save: async (value, version): Promise<SaveAnswer<PlanItemValue>> => {
      const { data, error, response } = await api.PUT('/api/v1/trajectories/{id}/plan/items/{norm}', {
        params: { path: { id: trajectoryId, norm: item.norm } },
        body: planItemInput(value, version),
      });
      if (response.ok && data) {
        onSaved(item.norm, data.item.complete);
        return { kind: 'saved', version: data.item.version };
      }
      const current = (error as { current?: PlanItem } | undefined)?.current;
      if (response.status === 409 && current) return { kind: 'stale', value: planItemValue(current), version: current.version };
      throw new ApiError(response.status, error);
    },
  });
  const { value, change, flush } = autosave;
  const id = `plan-${item.norm}`;
  const set = (field: keyof PlanItemValue, text: string, delay?: number) => change({ ...value, [field]: text }, delay);
  // A 400 names the field (cause, actions, who, by_when): that input is marked; the message, in
  // Dutch and naming it, is the save status below. What was typed stays.
  const invalid = (field: keyof PlanItemValue) => autosave.status === 'error' && autosave.errorField === field;
  const describedBy = (field: keyof PlanItemValue, hint: string) => (invalid(field) ? `${hint} ${id}-status` : hint);
  const fieldClass = (field: keyof PlanItemValue) => (invalid(field) ? 'field field--invalid' : 'field');

  return (
    <div className="plan-item__form">
      <div className={fieldClass('cause')}>
        <label className="field__label" htmlFor={`${id}-cause`}>
          {t('plan.cause', { code: item.norm })}
        </label>
        <p className="field__hint" id={`${id}-cause-hint`}>
          {t('plan.causeHint')}
        </p>
        <textarea
          id={`${id}-cause`}
          className="field__input"
          rows={3}
          value={value.cause}
          aria-describedby={describedBy('cause', `${id}-cause-hint`)}
            aria-invalid={invalid('cause') ? true : undefined}
          onChange={(event) => set('cause', event.target.value)}
          onBlur={flush}
        />
      </div>
      <div className={fieldClass('actions')}>
        <label className="field__label" htmlFor={`${id}-actions`}>
          {t('plan.actions', { code: item.norm })}
        </label>
        <p className="field__hint" id={`${id}-actions-hint`}>
          {t('plan.actionsHint')}
        </p>
        <textarea
          id={`${id}-actions`}
          className="field__input"
          rows={4}
          value={value.actions}
          aria-describedby={describedBy('actions', `${id}-actions-hint`)}
            aria-invalid={invalid('actions') ? true : undefined}
          onChange={(event) => set('actions', event.target.value)}
          onBlur={flush}
        />
      </div>
      <div className="plan-item__row">
        <div className={fieldClass('who')}>
          <label className="field__label" htmlFor={`${id}-who`}>
            {t('plan.who', { code: item.norm })}
          </label>
          <p className="field__hint" id={`${id}-who-hint`}>
            {t('plan.whoHint')}
          </p>
          <input
            id={`${id}-who`}
            className="field__input"
            value={value.who}
            aria-describedby={describedBy('who', `${id}-who-hint`)}
            aria-invalid={invalid('who') ? true : undefined}
            onChange={(event) => set('who', event.target.value)}
            onBlur={flush}
          />
        </div>
        <div className={fieldClass('by_when')}>
          <label className="field__label" htmlFor={`${id}-by-when`}>
            {t('plan.byWhen', { code: item.norm })}
          </label>
          <p className="field__hint" id={`${id}-by-when-hint`}>
            {t('plan.byWhenHint')}
          </p>
          <input
            id={`${id}-by-when`}
            type="date"
            className="field__input"
            value={value.by_when}
            aria-describedby={describedBy('by_when', `${id}-by-when-hint`)}
            aria-invalid={invalid('by_when') ? true : undefined}
            onChange={(event) => set('by_when', event.target.value, 0)}
          />
        </div>
      </div>
      {autosave.conflict && (
        <StaleSaveChoice
          title={t('plan.conflictTitle', { code: item.norm })}
          mine={<PlanItemSummary value={value} />}
          stored={<PlanItemSummary value={autosave.conflict.value} />}
          onKeepMine={autosave.keepMine}
          onTakeStored={autosave.takeStored}
        />
      )}
      <p className={`plan-item__complete${isComplete(value) ? ' plan-item__complete--yes' : ''}`} data-testid={`complete-${item.norm}`}>
        {isComplete(value) ? t('plan.itemComplete') : t('plan.itemIncomplete')}
      </p>
      <SaveStatus id={`${id}-status`} status={autosave.status} error={autosave.error} />
    </div>
  );
}

/** One item as text: on the both-texts choice, for the CI, and in earlier rounds. */
export function PlanItemSummary({ value }: { value: PlanItemValue }) {
  const { t, language } = useI18n();
  return (
    <dl className="plan-item__facts">
      <div>
        <dt>{t('plan.causeShort')}</dt>
        <dd>{value.cause.trim() || <span className="muted">{t('plan.empty')}</span>}</dd>
      </div>
      <div>
        <dt>{t('plan.actionsShort')}</dt>
        <dd>{value.actions.trim() || <span className="muted">{t('plan.empty')}</span>}</dd>
      </div>
      <div>
        <dt>{t('plan.whoShort')}</dt>
        <dd>{value.who.trim() || <span className="muted">{t('plan.empty')}</span>}</dd>
      </div>
      <div>
        <dt>{t('plan.byWhenShort')}</dt>
        <dd>{value.by_when ? formatDate(value.by_when, language) : <span className="muted">{t('plan.empty')}</span>}</dd>
      </div>
    </dl>
  );
}
