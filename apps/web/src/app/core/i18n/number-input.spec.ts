import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';

import { NumberPipe } from './format-pipes';
import { NumberInput } from './number-input';
import { provideTestTranslations } from './testing/test-translations';

@Component({
  imports: [NumberInput, NumberPipe, ReactiveFormsModule],
  template: `
    <input rlNumberInput inputmode="numeric" [formControl]="quantity" />
    <output>{{ shown | rlNumber }}</output>
  `,
})
class QuantityHost {
  readonly quantity = new FormControl<number | null>(null);
  shown = 120;
}

describe('NumberInput', () => {
  async function render() {
    const fixture = TestBed.createComponent(QuantityHost);
    await fixture.whenStable();
    const input = (fixture.nativeElement as HTMLElement).querySelector('input')!;
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    };
    return { fixture, input, type };
  }

  it('stores "١٢٠" typed into a quantity field as 120', async () => {
    const { fixture, type } = await render();

    type('١٢٠');

    expect(fixture.componentInstance.quantity.value).toBe(120);
  });

  it('is a text field, so that the browser does not refuse Arabic-Indic digits', async () => {
    const { input } = await render();

    expect(input.type).toBe('text');
  });

  it('stores nothing for an empty field and NaN for what is not a number', async () => {
    const { fixture, type } = await render();

    type('');
    expect(fixture.componentInstance.quantity.value).toBeNull();
    type('12ab');
    expect(fixture.componentInstance.quantity.value).toBeNaN();
  });

  it('shows a value set by code, and numbers, in Arabic-Indic digits when the user chose them', async () => {
    TestBed.configureTestingModule({ providers: provideTestTranslations('ar', 'arab') });
    const { fixture, input } = await render();

    fixture.componentInstance.quantity.setValue(120);
    await fixture.whenStable();

    expect(input.value).toBe('١٢٠');
    expect((fixture.nativeElement as HTMLElement).querySelector('output')?.textContent).toBe('١٢٠');
  });

  it('shows them in Latin digits by default, in Arabic too', async () => {
    TestBed.configureTestingModule({ providers: provideTestTranslations('ar') });
    const { fixture, input } = await render();

    fixture.componentInstance.quantity.setValue(120);
    await fixture.whenStable();

    expect(input.value).toBe('120');
    expect((fixture.nativeElement as HTMLElement).querySelector('output')?.textContent).toBe('120');
  });
});
