import type { ButtonHTMLAttributes } from "react";
import { cn } from "@/lib/cn";

/** A button that reads as a link: a table cell's name that opens a dialog instead of a page. */
export function LinkButton({ className, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button type="button" className={cn("text-brand-700 hover:underline dark:text-cyan-300", className)} {...props} />
  );
}
