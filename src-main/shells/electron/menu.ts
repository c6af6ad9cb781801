// The application menu as a plain template (built into a Menu by main.ts), so what a packaged
// build exposes is checked without Electron: reload and devtools exist only in development.
import type { MenuItemConstructorOptions } from 'electron';

export type MenuOptions = {
  isPackaged: boolean;
  platform: NodeJS.Platform;
};

export function menuTemplate({ isPackaged, platform }: MenuOptions): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin';
  const developer: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [
        { role: 'reload' },
        { role: 'forceReload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
      ];
  return [
    ...(isMac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    { label: 'File', submenu: [{ role: 'quit' }] },
    // Copy and paste shortcuts only work on macOS when an Edit menu provides them.
    { role: 'editMenu' },
    {
      label: 'View',
      // Zoom stays in packaged builds: it is an accessibility feature, not a developer tool.
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      role: 'help',
      // The docs ship beside the code (README.md, docs/); the app itself stays offline.
      submenu: [{ role: 'about', label: 'About Feedlens' }],
    },
  ];
}
