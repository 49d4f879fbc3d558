import { Directive, ElementRef, forwardRef, inject, Renderer2 } from '@angular/core';
import { ControlValueAccessor, NG_VALUE_ACCESSOR } from '@angular/forms';

import { ActiveLocale } from './active-locale';
import { localDigits } from './intl-format';
import { parseTypedNumber } from './parse-number';

/**
 * A number field that takes whatever digits the keyboard types (Latin, Arabic-Indic, Persian) and
 * gives the form the number with ASCII digits: "١٢٠" is stored as 120. Put it on a text input in
 * place of `type="number"`, whose browsers refuse Arabic-Indic digits outright:
 *
 *     <input matInput rlNumberInput inputmode="numeric" formControlName="quantity" />
 *
 * The control holds `number | null`, or NaN for text that is not a number (the field's
 * validators then refuse it: `wholeNumber` does). A value set by code shows in the user's digits.
 */
@Directive({
  selector: 'input[rlNumberInput]',
  host: { type: 'text', autocomplete: 'off', '(input)': 'changed()', '(blur)': 'touched()' },
  providers: [{ provide: NG_VALUE_ACCESSOR, useExisting: forwardRef(() => NumberInput), multi: true }],
})
export class NumberInput implements ControlValueAccessor {
  private readonly element: ElementRef<HTMLInputElement> = inject(ElementRef);
  private readonly renderer = inject(Renderer2);
  private readonly locale = inject(ActiveLocale);
  private onChange: (value: number | null) => void = () => undefined;
  private onTouched: () => void = () => undefined;

  writeValue(value: unknown): void {
    const text = typeof value === 'number' && Number.isFinite(value) ? localDigits(String(value), this.locale.digits()) : '';
    this.renderer.setProperty(this.element.nativeElement, 'value', text);
  }

  registerOnChange(fn: (value: number | null) => void): void {
    this.onChange = fn;
  }

  registerOnTouched(fn: () => void): void {
    this.onTouched = fn;
  }

  setDisabledState(disabled: boolean): void {
    this.renderer.setProperty(this.element.nativeElement, 'disabled', disabled);
  }

  protected changed(): void {
    this.onChange(parseTypedNumber(this.element.nativeElement.value, this.locale.lang()));
  }

  protected touched(): void {
    this.onTouched();
  }
}
