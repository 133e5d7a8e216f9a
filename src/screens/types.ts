/** What the shell gives every screen: its box and whether it has the keyboard. */
export interface ScreenProps {
  width: number;
  height: number;
  /** False while a modal (help, confirm) is open: the screen must not handle keys then. */
  active: boolean;
}
