import { Injector } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { filter, map, Observable } from 'rxjs';

import { ConfirmDialog, ConfirmDialogData } from './confirm-dialog';

/** Emits once if the user confirms; completes without a value if they cancel or close the dialog. */
export function confirmAction(dialog: MatDialog, data: ConfirmDialogData): Observable<void> {
  return dialog
    .open<ConfirmDialog, ConfirmDialogData, boolean>(ConfirmDialog, { data, autoFocus: 'dialog' })
    .afterClosed()
    .pipe(
      filter((confirmed) => confirmed === true),
      map(() => undefined),
    );
}

/** The same, for a caller that imports this file lazily and so has no MatDialog of its own to pass. */
export function confirmActionIn(injector: Injector, data: ConfirmDialogData): Observable<void> {
  return confirmAction(injector.get(MatDialog), data);
}
