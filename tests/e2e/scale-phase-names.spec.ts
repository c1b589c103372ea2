import { expect, test } from '@playwright/test';
import { collectErrors, newFramework, openApp } from './canvas-helpers';

// Scale & domains on a Chromebook: a phase name longer than about ten letters ("Approaching proficiency",
// "Exceeds expectations") was cut off in its one-line field beside the mastery radio and the buttons.
// The row's radio and buttons now move under the name when the panel is narrow, and a longer name wraps.
for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1280, height: 720 },
]) {
  test(`${viewport.width}×${viewport.height}: the mastery scale shows each phase name whole`, async ({ page }) => {
    await page.setViewportSize(viewport);
    const errors = collectErrors(page);
    await openApp(page);
    await newFramework(page);
    await page.getByRole('tab', { name: 'Scale & domains', exact: true }).click();
    const names = ['Not yet meeting', 'Approaching proficiency', 'Meets expectations', 'Exceeds expectations'];
    for (let i = 0; i < names.length; i++) {
      const field = page.getByLabel(`Phase ${i + 1} name`);
      await field.fill(names[i]!);
      await field.press('Enter');
    }
    for (let i = 0; i < names.length; i++) {
      const field = page.getByLabel(`Phase ${i + 1} name`);
      await expect(field).toHaveValue(names[i]!);
      const whole = await field.evaluate((el) => el.scrollWidth <= el.clientWidth + 1 && el.scrollHeight <= el.clientHeight + 1);
      expect(whole, `“${names[i]}” is shown whole`).toBe(true);
      // …in a field wide enough that its words are not broken in the middle ("Approachi-ng")
      expect(await field.evaluate((el) => el.clientWidth), `“${names[i]}” has room`).toBeGreaterThanOrEqual(150);
      // the row's controls are still there, on screen
      await expect(page.getByRole('button', { name: `Remove ${names[i]}` })).toBeInViewport();
    }
    // a name is still one line of text: Enter commits, it does not add a line break
    await expect(page.getByLabel('Phase 2 name')).toHaveValue('Approaching proficiency');
    expect(errors).toEqual([]);
  });
}
