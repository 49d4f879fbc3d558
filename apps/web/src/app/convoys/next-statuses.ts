import { CargoState, CONVOY_STATUS_TRANSITIONS, ConvoyStatus } from '@relief-ledger/domain';

import { ConfirmDialogData } from '../shared/confirm-dialog/confirm-dialog';

/** A status a convoy can be moved to (it never goes back to planned). */
export type NextStatus = Exclude<ConvoyStatus, 'planned'>;

/** The moves the transition table allows from `status`, in its order; none from a final status. */
export function nextStatuses(status: ConvoyStatus): NextStatus[] {
  return CONVOY_STATUS_TRANSITIONS[status].filter((next): next is NextStatus => next !== 'planned');
}

export interface StatusAction {
  /** The button: what the person on the road saw happen. */
  label: string;
  /** Asked before a final status, which cannot be taken back. */
  confirm?: ConfirmDialogData;
}

export const STATUS_ACTIONS: Readonly<Record<NextStatus, StatusAction>> = {
  departed: { label: 'Departed' },
  arrived: {
    label: 'Arrived',
    confirm: {
      title: 'Record the arrival?',
      message: 'Arrived is final: the convoy leaves the road, its check-ins stop, and its cargo is received at the destination.',
      confirmLabel: 'Record arrival',
      cancelLabel: 'Not yet',
    },
  },
  aborted: {
    label: 'Abort',
    confirm: {
      title: 'Abort the convoy?',
      message: 'Aborted is final: a new attempt is planned as a new convoy.',
      confirmLabel: 'Abort convoy',
      cancelLabel: 'Keep it going',
    },
  },
  struck: {
    label: 'Struck',
    confirm: {
      title: 'Report the convoy struck?',
      message: 'Struck is final. The incident is shared with every organisation at once, and any pause window it broke is marked violated.',
      confirmLabel: 'Report struck',
      cancelLabel: 'Go back',
    },
  },
};

export const CARGO_STATE_LABELS: Readonly<Record<CargoState, string>> = {
  planned: 'To load on departure',
  in_transit: 'In transit',
  delivered: 'Delivered',
  lost: 'Lost',
  returned: 'Returned to stock',
  cancelled: 'Cancelled',
};
