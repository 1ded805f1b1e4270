//! The parameter types as the endpoint's constant can name them.
//!
//! The constant description lives in an item of its own, which sees neither the method's
//! lifetimes nor its generics. Lifetimes become `'static` (the constant only reads the
//! type's associated constants, which do not depend on them); a type that mentions a
//! generic, `Self` or `impl Trait` cannot be named there at all.

use std::collections::HashSet;

use syn::visit_mut::{self, VisitMut};
use syn::{Generics, Lifetime, Type, TypeReference};

struct Statify<'g> {
    generics: &'g HashSet<String>,
    nameable: bool,
}

impl VisitMut for Statify<'_> {
    fn visit_lifetime_mut(&mut self, lifetime: &mut Lifetime) {
        lifetime.ident = syn::Ident::new("static", lifetime.ident.span());
    }

    fn visit_type_reference_mut(&mut self, reference: &mut TypeReference) {
        if reference.lifetime.is_none() {
            reference.lifetime = Some(Lifetime::new("'static", proc_macro2::Span::call_site()));
        }
        visit_mut::visit_type_reference_mut(self, reference);
    }

    fn visit_type_mut(&mut self, ty: &mut Type) {
        match ty {
            Type::ImplTrait(_) | Type::Infer(_) | Type::Macro(_) => self.nameable = false,
            Type::Path(path) if path.qself.is_none() => {
                if let Some(first) = path.path.segments.first() {
                    let name = first.ident.to_string();
                    if name == "Self" || (path.path.segments.len() == 1 && self.generics.contains(&name)) {
                        self.nameable = false;
                    }
                }
            }
            _ => {}
        }
        visit_mut::visit_type_mut(self, ty);
    }
}

/// `ty` with every lifetime `'static`, or `None` when a constant cannot name it.
pub fn statify(ty: &Type, generics: &Generics) -> Option<Type> {
    let names: HashSet<String> = generics.type_params().map(|param| param.ident.to_string()).collect();
    let mut ty = ty.clone();
    let mut visitor = Statify {
        generics: &names,
        nameable: true,
    };
    visitor.visit_type_mut(&mut ty);
    visitor.nameable.then_some(ty)
}
