// The fields of a member's and a CI's registry entry, with their Dutch labels (issue 8, item 1).
import type { Translate } from '../../i18n/types';
import type { FieldGroup } from './registry-form';

export function memberFieldGroups(t: Translate): FieldGroup[] {
  return [
    {
      legend: t('registry.group.organisation'),
      fields: [
        { name: 'name', label: t('registry.field.name'), required: true },
        { name: 'lidnummer', label: t('registry.field.lidnummer'), required: true, hint: t('registry.hint.lidnummer') },
        { name: 'kvk', label: t('registry.field.kvk'), required: true, inputMode: 'numeric', hint: t('registry.hint.kvk') },
      ],
    },
    {
      legend: t('registry.group.address'),
      fields: [
        { name: 'address', label: t('registry.field.address') },
        { name: 'postcode', label: t('registry.field.postcode') },
        { name: 'town', label: t('registry.field.town'), required: true },
      ],
    },
    {
      legend: t('registry.group.contact'),
      fields: [
        { name: 'contact_person', label: t('registry.field.contact_person') },
        { name: 'phone', label: t('registry.field.phone'), type: 'tel' },
        { name: 'email', label: t('registry.field.email'), type: 'email', inputMode: 'email' },
        { name: 'website', label: t('registry.field.website'), type: 'url', inputMode: 'url' },
      ],
    },
    {
      legend: t('registry.group.membership'),
      fields: [
        { name: 'member_from', label: t('registry.field.member_from'), type: 'date', required: true },
        { name: 'member_until', label: t('registry.field.member_until'), type: 'date', hint: t('registry.hint.member_until') },
      ],
    },
  ];
}

export function ciFieldGroups(t: Translate): FieldGroup[] {
  return [
    {
      legend: t('registry.group.organisation'),
      fields: [
        { name: 'name', label: t('registry.field.name'), required: true },
        { name: 'kvk', label: t('registry.field.kvk'), required: true, inputMode: 'numeric', hint: t('registry.hint.kvk') },
      ],
    },
    {
      legend: t('registry.group.address'),
      fields: [
        { name: 'address', label: t('registry.field.address') },
        { name: 'postcode', label: t('registry.field.postcode') },
        { name: 'town', label: t('registry.field.town'), required: true },
      ],
    },
    {
      legend: t('registry.group.contact'),
      fields: [
        { name: 'phone', label: t('registry.field.phone'), type: 'tel' },
        { name: 'email', label: t('registry.field.email'), type: 'email', inputMode: 'email' },
        { name: 'website', label: t('registry.field.website'), type: 'url', inputMode: 'url' },
      ],
    },
    {
      legend: t('registry.group.conditions'),
      fields: [
        { name: 'iso17021_ea38_until', label: t('registry.field.iso17021_ea38_until'), type: 'date', hint: t('registry.hint.accreditation') },
        { name: 'hkz_welzijn_until', label: t('registry.field.hkz_welzijn_until'), type: 'date' },
        { name: 'insured_until', label: t('registry.field.insured_until'), type: 'date' },
        { name: 'complaints_procedure', label: t('registry.field.complaints_procedure'), type: 'checkbox' },
        {
          name: 'framework_contract',
          label: t('registry.field.framework_contract'),
          type: 'checkbox',
          hint: t('registry.hint.framework_contract'),
        },
      ],
    },
    {
      legend: t('registry.group.tariff'),
      fields: [{ name: 'tariff_code', label: t('registry.field.tariff_code'), hint: t('registry.hint.tariff_code') }],
    },
  ];
}
