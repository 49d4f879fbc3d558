import { Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormGroup } from '@angular/forms';
import { map, startWith } from 'rxjs';

/** A form's whole value, disabled controls included, as a signal that follows every change. Call in an injection context. */
export function formValue<F extends FormGroup>(form: F): Signal<ReturnType<F['getRawValue']>> {
  return toSignal(form.valueChanges.pipe(startWith(null), map(() => form.getRawValue() as ReturnType<F['getRawValue']>)), { requireSync: true });
}
