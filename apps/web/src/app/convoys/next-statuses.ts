import { CargoState, CONVOY_STATUS_TRANSITIONS, ConvoyStatus } from '@relief-ledger/domain';

import { ConfirmDialogData } from '../shared/confirm-dialog/confirm-dialog';

/** A status a convoy can be moved to (it never goes back to planned). */
export type NextStatus = Exclude<ConvoyStatus, 'planned'>;

/** The moves the transition table allows from `status`, in its order; none from a final status. */
export function nextStatuses(status: ConvoyStatus): NextStatus[] {
  return CONVOY_STATUS_TRANSITIONS[status].filter((next): next is NextStatus => next !== 'planned');
}

/** Translation keys, each: the caller says them in the user's language. */
export interface StatusAction {
  /** The button: what the person on the road saw happen. */
  label: string;
  /** Asked before a final status, which cannot be taken back. */
  confirm?: ConfirmDialogData;
}

export const STATUS_ACTIONS: Readonly<Record<NextStatus, StatusAction>> = {
  departed: { label: 'convoys.actions.departed' },
  arrived: {
    label: 'convoys.actions.arrived',
    confirm: {
      title: 'convoys.actions.arrivedTitle',
      message: 'convoys.actions.arrivedMessage',
      confirmLabel: 'convoys.actions.arrivedConfirm',
      cancelLabel: 'convoys.actions.arrivedCancel',
    },
  },
  aborted: {
    label: 'convoys.actions.aborted',
    confirm: {
      title: 'convoys.actions.abortedTitle',
      message: 'convoys.actions.abortedMessage',
      confirmLabel: 'convoys.actions.abortedConfirm',
      cancelLabel: 'convoys.actions.abortedCancel',
    },
  },
  struck: {
    label: 'convoys.actions.struck',
    confirm: {
      title: 'convoys.actions.struckTitle',
      message: 'convoys.actions.struckMessage',
      confirmLabel: 'convoys.actions.struckConfirm',
      cancelLabel: 'convoys.actions.struckCancel',
    },
  },
};

/** The translation key of each state a line of cargo can be in. */
export const CARGO_STATE_KEYS: Readonly<Record<CargoState, string>> = {
  planned: 'convoys.cargoState.planned',
  in_transit: 'convoys.cargoState.inTransit',
  delivered: 'convoys.cargoState.delivered',
  lost: 'convoys.cargoState.lost',
  returned: 'convoys.cargoState.returned',
  cancelled: 'convoys.cargoState.cancelled',
};
