import type { ResponsiveImage } from '../present.js';

/**
 * A library image as <picture>: the WebP sizes first for browsers that take them, the original
 * format's sizes otherwise, with its intrinsic size so the page does not shift while it loads.
 * `alt` is required: '' only where the picture repeats the text beside it.
 */
export function Picture({ image, alt, class: className, lazy = true }: { image: ResponsiveImage; alt: string; class?: string; lazy?: boolean }) {
  return (
    <picture class={className}>
      {image.webpSrcset && <source type="image/webp" srcSet={image.webpSrcset} sizes={image.sizes} />}
      <img
        src={image.src}
        srcSet={image.srcset || undefined}
        sizes={image.srcset ? image.sizes : undefined}
        width={image.width || undefined}
        height={image.height || undefined}
        alt={alt}
        decoding="async"
        loading={lazy ? 'lazy' : undefined}
      />
    </picture>
  );
}
